import { Button, Menu } from '@mantine/core';
import { exportUrl } from '../hooks/useImport';

/** Downloads of the whole inventory; the browser's session cookie authorizes them. */
export function ExportMenu({ orgId }: { orgId: string }) {
  return (
    <Menu position="bottom-end" shadow="md" withinPortal>
      <Menu.Target>
        <Button variant="default">Export ▾</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Download the inventory as</Menu.Label>
        <Menu.Item component="a" href={exportUrl(orgId, 'csv')} download>
          CSV
        </Menu.Item>
        <Menu.Item component="a" href={exportUrl(orgId, 'xlsx')} download>
          Excel (XLSX)
        </Menu.Item>
        <Menu.Item component="a" href={exportUrl(orgId, 'cyclonedx')} download>
          CycloneDX 1.6 JSON
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
