// References between records: people a record names, and links to records
// other modules own.
export {
  checkLinks,
  hasCurrentLinks,
  type LinkKind,
  type LinkRef,
  type LinkTarget,
  matchLinksByName,
  registerLinkKind,
  resolveLinks,
} from './links.js';
export {
  type Person,
  type PersonField,
  type PersonRef,
  personColumns,
  personRef,
  personSchema,
  resolvePeople,
  toPerson,
} from './people.js';
