import { Table } from '@navikt/ds-react'
import { roleLabels } from './labels'

export type StaffRow = { id: string; name: string; email: string; roles: string[]; teamName: string | null }

/** Colleagues with their roles and team; used on the office, team and admin pages. */
export function StaffTable({ staff, caption }: { staff: StaffRow[]; caption: string }) {
  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell scope="col">Navn</Table.HeaderCell>
          <Table.HeaderCell scope="col">E-post</Table.HeaderCell>
          <Table.HeaderCell scope="col">Roller</Table.HeaderCell>
          <Table.HeaderCell scope="col">Team</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {staff.map((person) => (
          <Table.Row key={person.id}>
            <Table.DataCell>{person.name}</Table.DataCell>
            <Table.DataCell>{person.email}</Table.DataCell>
            <Table.DataCell>{person.roles.map((role) => roleLabels[role] ?? role).join(', ') || '–'}</Table.DataCell>
            <Table.DataCell>{person.teamName ?? '–'}</Table.DataCell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
