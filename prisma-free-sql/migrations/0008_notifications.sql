-- Notifications (issue 6): what needs someone's attention reaches them in the portal's inbox and by e-mail. Both are
-- written in the same transaction as the event that causes them (app/modules/notifications.server.ts), so an event is
-- never committed without its notice and a rolled-back one leaves none.

-- Staff choose between an e-mail per notice and one e-mail a day; employers always get them at once.
alter table users
  add column email_frequency text not null default 'immediate' check (email_frequency in ('immediate', 'daily_digest'));

-- The in-app inbox. A notice holds only its kind and a link into the portal: the page behind the link decides what
-- the reader may see, so nothing personal is copied here.
create table notifications (
  id bigserial primary key,
  user_id uuid not null references users (id) on delete cascade,
  kind text not null check (length(kind) between 1 and 60),
  case_id uuid references cases (id) on delete cascade,
  link text not null check (link like '/%' and length(link) <= 500),
  -- One notice per event and recipient however often the event is repeated (double clicks, retries).
  idempotency_key text not null unique check (length(idempotency_key) between 1 and 300),
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_user_idx on notifications (user_id, id desc);
create index notifications_unread_idx on notifications (user_id) where read_at is null;

-- The e-mail outbox. A row names a template and its parameters (links, times and counts only; see emails/templates);
-- the worker (emails/outbox-worker.ts) renders and sends it, retrying with back-off, and gives up only into the
-- dead-letter list that admins see. The idempotency key is the message's identity: the same key is never sent twice
-- as two messages, and it is the SMTP Message-ID, so a retry after a lost acknowledgement is recognisable.
create table email_outbox (
  id bigserial primary key,
  idempotency_key text not null unique check (length(idempotency_key) between 1 and 300),
  recipient_user_id uuid references users (id) on delete cascade,
  to_address text not null check (length(to_address) between 3 and 254),
  template text not null check (length(template) between 1 and 60),
  params jsonb not null default '{}',
  -- pending: for the worker; held: waits for the recipient's daily digest; digested: went out in digest_id;
  -- sent; dead: the worker gave up (a permanent refusal, or too many attempts) and an admin decides.
  status text not null default 'pending' check (status in ('pending', 'held', 'digested', 'sent', 'dead')),
  digest_id bigint references email_outbox (id) on delete set null,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  dead_at timestamptz
);
create index email_outbox_due_idx on email_outbox (next_attempt_at) where status = 'pending';
create index email_outbox_held_idx on email_outbox (recipient_user_id, created_at) where status = 'held';
create index email_outbox_dead_idx on email_outbox (dead_at desc) where status = 'dead';
