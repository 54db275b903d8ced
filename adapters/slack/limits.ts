// Every Slack platform limit the adapter relies on, in one table. Builders in blocks.ts clamp to these, so a
// reply can never be rejected for size; each limit has a boundary test in test/slack-render.test.ts.
// Sources: docs.slack.dev Block Kit reference (blocks, elements, composition objects, views), "Verifying
// requests from Slack", "Implementing slash commands" (3-second acknowledgement).
export const SLACK_LIMITS = {
  /** Blocks in one message (a modal allows 100). */
  blocksPerMessage: 50,
  blocksPerModal: 100,
  /** Section block: `text` up to 3000; up to 10 `fields` of up to 2000 each. */
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  /** Header block: plain_text only. */
  headerText: 150,
  /** Context block: up to 10 elements; a text object holds up to 3000. */
  contextElements: 10,
  contextText: 3000,
  /** Actions block and buttons. */
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  /** Every message needs a top-level `text`: notifications and screen readers use it. Slack truncates at 40k. */
  messageText: 40_000,
  /** Modals (views.open). */
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  /** Select menus: option text 75, value 150; external and static selects return at most 100 options. */
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
  /** A file uploaded with files.uploadV2 (the chart PNG): Slack takes up to 1 GB. */
  fileBytes: 1024 * 1024 * 1024,
  /** Slash commands, interactivity and options requests must be acknowledged within 3 seconds. */
  ackDeadlineMs: 3000,
  /** Requests whose signed timestamp is further than this from our clock (either way) are replays. */
  requestSkewSeconds: 300,
} as const;
