// Every Discord limit this adapter respects, in one place (https://discord.com/developers/docs).
// Lengths are UTF-16 code units, the way discord.js's embedLength counts (never more than Discord's
// code points, so staying under them is always safe).
export const LIMITS = {
  embed: {
    title: 256,
    description: 4096,
    fields: 25,
    fieldName: 256,
    fieldValue: 1024,
    footer: 2048,
    /** Title + description + field names and values + footer + author, across every embed of a message. */
    total: 6000,
  },
  /** Plain message content. */
  content: 2000,
  autocomplete: {
    choices: 25,
    /** Both the choice's name (shown) and its value (sent back). */
    choiceLength: 100,
  },
  components: {
    customId: 100,
    buttonsPerRow: 5,
    rows: 5,
    buttonLabel: 80,
  },
  command: {
    name: 32,
    description: 100,
    options: 25,
    choices: 25,
  },
  /** Files a bot may attach to one message (the chart PNG): 10 MiB on servers without boosts. */
  attachmentBytes: 10 * 1024 * 1024,
  /** An interaction must be answered within this long, or the user sees "The application did not respond". */
  responseDeadlineMs: 3000,
} as const;

/** MessageFlags.Ephemeral: only the asker sees the reply. Fixed by the first response. */
export const EPHEMERAL = 64;
