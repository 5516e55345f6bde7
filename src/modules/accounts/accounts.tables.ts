// The accounts module's table: instance-wide settings such as whether the
// first-run setup has happened. Only this module queries it.

declare module '../../platform/db/tables.js' {
  interface DB {
    instance_settings: InstanceSettingsTable;
  }
}

export interface InstanceSettingsTable {
  key: string;
  value: string;
  created_at: string;
}
