export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 200

// The most common choices that still reach twelve characters; length alone does not stop them.
const commonPasswords = new Set([
  'passord12345', 'passord123456', 'password1234', 'password12345', 'password123456', 'qwertyuiop12',
  '123456789012', '1234567890123', 'qwertyuiopåø', 'sommer2024!!', 'sommer2025!!', 'sommer2026!!',
  'vinter2026!!', 'velkommen123', 'velkommen1234', 'jobbsnekker1', 'jobbsnekker123', 'aaaaaaaaaaaa',
  'abcdefghijkl', 'abc123abc123', 'iloveyou1234', 'adminadmin12', 'letmein12345', 'norge1234567',
])

/** Returns a message in bokmål explaining why the password is too weak, or null when it is acceptable. */
export function passwordWeakness(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Passordet må ha minst ${PASSWORD_MIN_LENGTH} tegn.`
  if (password.length > PASSWORD_MAX_LENGTH) return `Passordet kan ha høyst ${PASSWORD_MAX_LENGTH} tegn.`
  const lower = password.toLowerCase()
  if (commonPasswords.has(lower)) return 'Passordet er for vanlig. Velg et du ikke bruker andre steder.'
  if (new Set(lower).size < 5) return 'Passordet har for få ulike tegn.'
  const localPart = context.email?.split('@')[0]?.toLowerCase()
  if (localPart && localPart.length >= 4 && lower.includes(localPart)) {
    return 'Passordet kan ikke inneholde e-postadressen din.'
  }
  const nameParts = (context.name ?? '').toLowerCase().split(/\s+/).filter((part) => part.length >= 4)
  if (nameParts.some((part) => lower.includes(part))) return 'Passordet kan ikke inneholde navnet ditt.'
  return null
}

/** How long a password-reset link works; the page that sends it says so too. */
export const RESET_LINK_MINUTES = 60
