/**
 * The loop behind the outbox workers (search sync, e-mail): a pass runs every `pollMs`, or shortly after a wake-up
 * from code that just enqueued work, and never two passes of one worker at once. A wake-up during a pass runs another
 * right after it, so work enqueued mid-pass is not left for the next poll.
 */

// Remix's server build and server.ts are separate module graphs; globalThis lets an enqueue in a route wake the
// worker that server.ts started.
type WakeRegistry = Record<symbol, Set<() => void> | undefined>

function wakersOf(name: string): Set<() => void> {
  const holder = globalThis as unknown as WakeRegistry
  const key = Symbol.for(`jobbsnekker.wake.${name}`)
  holder[key] ??= new Set()
  return holder[key]
}

/** Wakes this process's workers of that name; they run a pass shortly, once the enqueueing transaction has committed. */
export function wakeWorkers(name: string): void {
  for (const wake of wakersOf(name)) wake()
}

export type PollingWorkerOptions = {
  /** Workers of one name share wake-ups. */
  name: string
  pass: () => Promise<void>
  pollMs: number
  /** Delay after a wake-up, so the enqueueing transaction has committed. */
  wakeDelayMs?: number
  /** The first pass waits for this. */
  startAfter?: Promise<unknown>
}

export type PollingWorker = {
  wake: () => void
  /** Resolves when no pass is under way. */
  idle: () => Promise<void>
  /** Stops polling and waits for the pass under way. */
  stop: () => Promise<void>
}

export function startPollingWorker(options: PollingWorkerOptions): PollingWorker {
  const wakeDelayMs = options.wakeDelayMs ?? 20
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let dueAt = Infinity
  let running: Promise<void> | undefined
  let again = false

  const schedule = (delay: number) => {
    if (stopped) return
    const at = Date.now() + delay
    if (timer && at >= dueAt) return
    if (timer) clearTimeout(timer)
    dueAt = at
    timer = setTimeout(run, delay)
    timer.unref?.()
  }

  function run() {
    timer = undefined
    dueAt = Infinity
    if (stopped) return
    if (running) {
      again = true
      return
    }
    running = options.pass().finally(() => {
      running = undefined
      if (again) {
        again = false
        schedule(wakeDelayMs)
      } else schedule(options.pollMs)
    })
  }

  let ready = !options.startAfter
  const wake = () => {
    if (!ready) return
    if (running) again = true
    else schedule(wakeDelayMs)
  }
  wakersOf(options.name).add(wake)
  if (options.startAfter) {
    const begin = () => {
      ready = true
      schedule(0)
    }
    options.startAfter.then(begin, begin)
  } else schedule(0)

  return {
    wake,
    idle: async () => {
      while (running) await running
    },
    stop: async () => {
      stopped = true
      wakersOf(options.name).delete(wake)
      if (timer) clearTimeout(timer)
      timer = undefined
      await running
    },
  }
}
