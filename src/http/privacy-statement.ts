/**
 * "What is stored and for how long", in words a data-protection officer can paste into a DPIA.
 * The served privacy page is made from this, and a test checks the README says the same.
 */
export const WHAT_IS_STORED: ReadonlyArray<{ what: string; why: string; kept: string }> = [
  {
    what: 'Schools of the cluster: name, URN, phase, head teacher’s name, when they joined or left',
    why: 'to run the rota of host schools',
    kept: 'while the school is a member; after it leaves, until a cluster lead erases it (/privacy erase)',
  },
  {
    what: 'People linked to schools: Microsoft Teams user id, Entra object id, display name, role',
    why: 'to know who answers for which school and who may change what',
    kept: 'until they leave, are unlinked, or are forgotten (/privacy forget)',
  },
  {
    what: 'Answers to meeting invitations: attending, apologies with an optional reason, deputy’s name and role; guest requests',
    why: 'to plan each meeting and for the minutes’ attendance',
    kept: 'two school years after the meeting’s school year (RETENTION_ANSWERS_SCHOOL_YEARS)',
  },
  {
    what: 'Agendas, published minutes, actions and peer reviews, with who wrote or owns them',
    why: 'the partnership’s record of its meetings and work',
    kept: 'for the life of the cluster; people’s names are replaced by “Former member” when they are forgotten',
  },
  {
    what: 'Minute drafts that were never published',
    why: 'so a minute-taker can finish them',
    kept: 'one year after last saved (RETENTION_DRAFT_MINUTES_YEARS)',
  },
  {
    what: 'Change log: who changed what and when (rota, memberships, erasures)',
    why: 'accountability for changes to the partnership’s arrangements',
    kept: 'six years (RETENTION_CHANGE_LOG_YEARS)',
  },
  {
    what: 'Teams conversation addresses (team, group chat, personal chat) and receipts that a scheduled reminder reached someone',
    why: 'to send reminders exactly once',
    kept: 'conversations while the app is installed; receipts 365 days (RETENTION_DELIVERY_RECEIPT_DAYS)',
  },
];

export const NEVER_STORED =
  'Information about individual pupils is never stored: pupil data is shared only live in meetings. Every free-text field is checked before it is saved, and text with a Unique Pupil Number, a date of birth, a name beside a school-age date, a name with a pupil’s age or year group, or pupils named with attainment or needs is refused. Files sent to Clusterbot (attached in a chat, or uploaded through its link) are read as they arrive and never kept: only what is imported from them is stored, and a file with pupil-level columns is refused whole.';

export const RIGHTS =
  'Everything stored about a school (its head or a cluster lead) or about yourself (anyone) can be exported with /privacy export (the links go to your personal chat with Clusterbot, never a channel, and work for an hour); a school that has left can be erased and a person forgotten with /privacy erase and /privacy forget, after a card shows what goes and what stays; /privacy retention shows what the retention rules will delete next. Retention runs every night, once across all instances, and catches up after downtime.';
