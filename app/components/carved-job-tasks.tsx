import { Box, Heading, List } from '@navikt/ds-react'
import { formatHours } from './employer-labels'

/** The tasks a carved job is made of, as a boxed list under its own heading. */
export function CarvedJobTasks({ heading, tasks }: { heading: string; tasks: { id: string; name: string; hoursPerWeek: number }[] }) {
  return (
    <Box padding="space-16" background="neutral-soft" borderRadius="8" as="section" aria-labelledby="oppgaver-i-jobben">
      <Heading level="2" size="small" id="oppgaver-i-jobben">
        {heading}
      </Heading>
      <List size="small">
        {tasks.map((task) => (
          <List.Item key={task.id}>
            {task.name}, {formatHours(task.hoursPerWeek)} t/uke
          </List.Item>
        ))}
      </List>
    </Box>
  )
}
