import { renderActionsCard } from '../../src/cards/actions-card';
import type { AdaptiveCard } from '../../src/cards/adaptive-card';
import { renderAgendaCard } from '../../src/cards/agenda-card';
import { renderBoardOverviewCard } from '../../src/cards/board-overview-card';
import { renderFileUploadCard } from '../../src/cards/file-upload-card';
import { renderGuestApprovalCard } from '../../src/cards/guest-approval-card';
import { renderHelpCard } from '../../src/cards/help-card';
import { renderJoinCard } from '../../src/cards/join-card';
import { renderMinutesEditorCard, renderPublishedMinutesCard } from '../../src/cards/minutes-card';
import { renderNoticeCard } from '../../src/cards/notice-card';
import {
  renderPeerReviewCard,
  renderPeerReviewDoneCard,
  renderPeerReviewRequestCard,
  renderPeerReviewsCard,
} from '../../src/cards/peer-review-cards';
import { renderPerformanceCard, renderPerformanceEntryCard } from '../../src/cards/performance-card';
import { renderErasureCard, renderExportCard } from '../../src/cards/privacy-cards';
import { renderReminderCard } from '../../src/cards/reminder-card';
import { renderRotaCard } from '../../src/cards/rota-card';
import { renderRotaDownloadCard } from '../../src/cards/rota-download-card';
import { renderSchoolAddCard } from '../../src/cards/school-add-card';
import { renderSchoolImportCard } from '../../src/cards/school-import-card';
import { renderSchoolsCard } from '../../src/cards/schools-card';
import { renderTermDatesCard } from '../../src/cards/term-dates-card';
import { renderWelcomeCard } from '../../src/cards/welcome-card';

/**
 * Every template in cards/ with sample data, rendered through its typed render function.
 * The card test fails if a template has no entry here.
 */
export const CARD_SAMPLES: Record<string, () => AdaptiveCard> = {
  'notice.json': () =>
    renderNoticeCard({
      title: 'Your answer was not saved',
      text: "Clusterbot can't reach its storage just now; your answer was not saved. Please try again in a minute.",
      reference: 'If it keeps happening, tell your cluster lead and quote reference 1a2b3c4d.',
    }),
  'actions.json': () =>
    renderActionsCard({
      title: 'Roots: all actions',
      summary: '1 overdue · 1 open · 0 in progress · 1 done · 0 dropped',
      actions: [
        {
          id: 'A1',
          heading: 'A1 · Share the phonics audit template',
          colour: 'Attention',
          owner: 'Earlsdon (Jo Smith)',
          due: 'Fri 11 Dec 2026 (overdue)',
          status: 'open',
          open: true,
          verb: 'actionStatus',
        },
        {
          id: 'A2',
          heading: 'A2 · Book the CPD venue',
          colour: 'Good',
          owner: 'Cannon Park',
          due: 'Tue 1 Dec 2026',
          status: 'done',
          open: false,
          verb: 'actionStatus',
        },
      ],
      filter: 'mine',
      footer: 'Owners update actions.',
    }),
  'agenda.json': () =>
    renderAgendaCard({
      title: 'Agenda: Roots, Spring 1 meeting',
      subtitle: 'Tue 19 Jan 2027, 13:30, hosted and chaired by Earlsdon.',
      items: [
        { text: '1. Welcome and apologies' },
        { text: '2. Year 6 writing moderation ([paper](https://contoso.sharepoint.com/p))' },
      ],
      proposalsHeading: 'Proposed items waiting for the chair',
      proposals: [
        {
          id: 'P2',
          text: 'P2: Transition to secondary (from Jo Smith)',
          verb: 'agendaDecision',
          clusterPlaceKey: '19:team@thread.tacv2',
        },
      ],
      footer: 'Accept or drop proposed items here.',
    }),
  'board-overview.json': () =>
    renderBoardOverviewCard({
      title: 'Coventry primary steering group: clusters at a glance',
      subtitle: '8 clusters, 1 needing attention.',
      clusters: [
        {
          name: 'Focus',
          colour: 'Attention',
          concerns: 'Needs attention: 3 actions overdue.',
          figures: 'Meetings 2/6 · 80% attendance',
          minutesTitle: 'Latest minutes (Autumn 2)',
          minutesUrl: 'https://bot.example/clusters/c/minutes/2026-27%232.html?sig=x',
        },
      ],
      footer: 'Figures only.',
      csvUrl: 'https://bot.example/boards/b/overview.csv?sig=x',
    }),
  'file-upload.json': () =>
    renderFileUploadCard({
      title: 'Upload a roster for Roots',
      explanation: 'Choose the file as you downloaded it: a GIAS establishment export.',
      validity: 'This link is yours alone and works for an hour.',
      url: 'https://clusterbot.example/uploads/roster?tenant=t&place=p&user=u&option=&expires=1&sig=s',
    }),
  'guest-approval.json': () =>
    renderGuestApprovalCard({
      clusterId: 'c1',
      meetingId: '2026-27#2',
      guestId: 'urn-103700~ann-lee',
      verb: 'guestDecision',
      title: 'Guest request: Roots meeting Tue 17 Nov 2026, 13:30',
      explanation: 'Cannon Park hosts this meeting, so the host agrees guests beforehand.',
      guestName: 'Dr Ann Lee',
      guestRole: 'Educational psychologist',
      school: 'Allesley',
      askedBy: 'Lee Evans',
      status: 'Waiting for the host to approve or decline.',
      open: true,
    }),
  'help.json': () =>
    renderHelpCard({
      title: 'What Clusterbot can do',
      intro: 'Here are the commands:',
      commands: [
        {
          usage: '/help [command]',
          description: 'Shows what Clusterbot can do.',
          audience: 'Anyone',
          examples: '/help',
        },
        {
          usage: '/rota',
          description: 'Shows the rota.',
          audience: 'Members of this cluster',
          examples: '/rota  ·  /rota ics',
        },
      ],
      footer: 'In a channel, mention me first.',
    }),
  'reminder.json': () =>
    renderReminderCard({
      clusterId: 'c1',
      meetingId: '2026-27#3',
      meetingDate: '2027-01-19',
      answerVerb: 'rsvp',
      refreshVerb: 'rsvpRefresh',
      guestVerb: 'guestRequest',
      userIds: ['29:head'],
      title: "Roots heads' meeting · Tue 19 Jan 2027, 13:30–15:30",
      intro: 'Spring 1 meeting, hosted and chaired by Earlsdon.',
      host: 'Earlsdon',
      chair: 'Earlsdon',
      minutes: 'Cannon Park',
      boardRep: 'Aldermoor Farm',
      agenda: [{ text: '1. Welcome and apologies' }],
      papers: 'No papers have been shared yet.',
      status: 'Your school (Earlsdon) has not answered yet.',
      tally: 'No answer yet: Earlsdon.',
      open: true,
      drafts: { reason: 'Ofsted inspection', deputyName: '', deputyRole: '', guestName: '', guestRole: '' },
    }),
  'rota.json': () =>
    renderRotaCard({
      title: 'Roots rota · 2026-27',
      summary: 'Tuesday of week 3, 13:30–15:30.',
      meetings: [
        {
          heading: 'Autumn 2 · Tue 17 Nov 2026, 13:30–15:30',
          badge: 'Next meeting',
          badgeColour: 'Good',
          style: 'emphasis',
          host: 'Earlsdon (venue: school hall)',
          chair: 'Earlsdon',
          minutes: 'Cannon Park',
          boardRep: 'Aldermoor Farm',
          note: 'Date moved from Mon 3 May 2027: Early May bank holiday.',
        },
        {
          heading: 'Spring 1 · Tue 19 Jan 2027, 13:30–15:30',
          badge: '',
          badgeColour: 'Default',
          style: 'default',
          host: 'Allesley',
          chair: 'Allesley',
          minutes: 'Earlsdon',
          boardRep: 'Aldermoor Farm',
          note: '',
        },
      ],
      problems: '',
      icsUrl: 'http://localhost:3978/clusters/c1/rota.ics?expires=1&sig=x',
    }),
  'performance-table.json': () =>
    renderPerformanceCard({
      title: 'Coventry South and West Partnership of Primary Schools: performance 2024-25',
      measure: 'KS2 reading, writing and maths: expected standard',
      years: ['2022-23', '2023-24', '2024-25'],
      rows: [
        ...Array.from({ length: 20 }, (_, i) => ({
          label: `St Bartholomew’s Church of England Academy ${i + 1}`,
          cells: ['fewer than 6 pupils', '100%† ✎', 'suppressed to protect confidentiality'] as [
            string,
            string,
            string,
          ],
          change: '+12',
          weight: 'Default' as const,
          separator: false,
        })),
        ...['Cluster (weighted by cohort)', 'Wychwoodshire', 'Brookfield', 'Coventry', 'England'].map(
          (label, i) => ({
            label,
            cells: ['61%', '63%', '65%'] as [string, string, string],
            change: '+2',
            weight: 'Bolder' as const,
            separator: i === 0,
          }),
        ),
      ],
      ofsted: Array.from({ length: 20 }, (_, i) => ({
        line: `St Bartholomew’s Church of England Academy ${i + 1}: Report card 2026-03-16: Inclusion Exceptional; Curriculum and teaching Expected standard; Achievement Needs attention; Attendance and behaviour Needs attention; Personal development and wellbeing Exceptional; Leadership and governance Exceptional; Early years Expected standard`,
      })),
      notes:
        'Published by the DfE (KS2); Ofsted from its monthly management information. 3 school(s) had fewer than 6 pupils in a year: their figure is not shown and the cluster’s leaves them out. Figures from fewer than 11 pupils are marked as of low reliability. † fewer than 11 pupils (low reliability). ✎ entered by the school.',
    }),
  'performance-entry.json': () =>
    renderPerformanceEntryCard({
      title: 'St Bartholomew’s Church of England Academy (Coventry): figures for 2025-26',
      explanation:
        'Figures the DfE does not publish for each school. They are shown as entered by the school, a figure from 5 or fewer pupils is never shown.',
      fields: ['phonics', 'ks1', 'attendance'].map((id) => ({
        id,
        label: 'KS1 reading, writing and maths: % expected',
        value: '100',
        cohortId: `${id}Cohort`,
        cohortLabel: 'Pupils in Year 2',
        cohort: '3000',
      })),
      note: 'Saved 3 figure(s) for St Bartholomew’s Church of England Academy (Coventry), 2025-26.',
      clusterId: 'c0123456789abcdef0123456789abcd',
      schoolId: 'st-bartholomews-church-of-england-academy',
      year: '2025-26',
    }),
  'privacy-erasure.json': () =>
    renderErasureCard({
      title: 'Erase what Clusterbot holds about St Bartholomew’s Church of England Academy (Coventry)',
      explanation:
        'St Bartholomew’s Church of England Academy has left the partnership. Erasing takes out its people and their details everywhere Clusterbot keeps them. It cannot be undone.',
      removed: Array.from({ length: 13 }, (_, i) => `- kind of record ${i + 1} (${i * 40})`).join('\n'),
      kept: '- Published minutes keep the school’s name.\n- Counts stay.\n- The change log records it.',
      note: 'Done: 612 stored records changed. The change log records that it happened.',
      confirm: true,
      buttonTitle: 'Erase St Bartholomew’s Church of England Academy (Coventry)',
      verb: 'privacyErase',
      subject: {
        kind: 'school',
        clusterId: 'c0123456789abcdef0123456789abcd',
        schoolId: 'st-bartholomews-church-of-england-academy',
        tenantId: '',
        userId: '',
        label: 'St Bartholomew’s Church of England Academy (Coventry)',
      },
    }),
  'privacy-export.json': () =>
    renderExportCard({
      title: 'What Clusterbot holds about St Bartholomew’s Church of England Academy (Coventry)',
      explanation: 'Every stored record that names them. The links work for an hour.',
      htmlUrl: `https://clusterbot.example.org/privacy/school/c1/${'s'.repeat(60)}/export.html?expires=1&sig=${'x'.repeat(43)}`,
      jsonUrl: `https://clusterbot.example.org/privacy/school/c1/${'s'.repeat(60)}/export.json?expires=1&sig=${'x'.repeat(43)}`,
    }),
  'rota-download.json': () =>
    renderRotaDownloadCard({
      title: 'Roots meetings calendar',
      explanation: 'Download the rota as a calendar file.',
      url: 'http://localhost:3978/clusters/c1/rota.ics?expires=1&sig=x',
    }),
  'schools.json': () =>
    renderSchoolsCard({
      title: 'Roots: member schools',
      summary: '17 members, in rota order.',
      schools: [
        { name: 'Aldermoor Farm', detail: 'URN 103700 · head: A Morgan' },
        { name: 'Cannon Park (left)', detail: 'no URN · left Tue 1 Dec 2026' },
      ],
    }),
  'school-add.json': () =>
    renderSchoolAddCard({
      title: 'Add a member school',
      explanation: 'Only cluster leads can add schools.',
      verb: 'addSchool',
    }),
  'join.json': () =>
    renderJoinCard({
      title: 'Join Roots',
      explanation: 'Choose the school you lead.',
      schools: [{ name: 'Aldermoor Farm' }, { name: 'Cannon Park' }],
      verb: 'joinSchool',
    }),
  'minutes-editor.json': () =>
    renderMinutesEditorCard({
      clusterId: 'c-roots',
      meetingId: '2026-27#2',
      title: 'Minutes: Roots, Autumn 2 2026-27 meeting',
      subtitle: 'Tue 17 Nov 2026, 13:30, chaired by Cannon Park; minutes by Earlsdon.',
      note: 'Draft saved.',
      noteStyle: 'good',
      markChoices: [
        { title: 'Present', value: 'present' },
        { title: 'Apologies', value: 'apologies' },
      ],
      schools: [
        { name: 'Earlsdon', markId: 'mark-a', mark: 'present', deputyId: 'deputy-a', deputy: '' },
        {
          name: 'Allesley',
          markId: 'mark-b',
          mark: 'deputy',
          deputyId: 'deputy-b',
          deputy: 'Sam Lee, deputy head',
        },
      ],
      guests: 'Jo Smith, SENCo (Earlsdon)',
      items: [{ heading: '1. Welcome and apologies', inputId: 'note-0', notes: 'Welcomed the new head.' }],
      decisions: 'Adopt the shared moderation calendar',
      existingActions: [{ text: 'A3: Share the audit template (Earlsdon; due Tue 12 Jan 2027)' }],
      actionsHint: 'Each action needs what, and an owner school.',
      actionRows: [
        {
          label: 'New action 1',
          titleId: 'action-0-title',
          title: 'Book the venue',
          schoolId: 'action-0-school',
          school: 'a',
          ownerId: 'action-0-owner',
          owner: '',
          dueId: 'action-0-due',
          due: '2027-01-12',
        },
      ],
      schoolChoices: [{ title: 'Earlsdon', value: 'a' }],
      peopleChoices: [{ title: 'Priya Shah (Earlsdon)', value: '29:1' }],
      footer: 'Draft saved by Priya Shah.',
      saveVerb: 'minutesSave',
      publishVerb: 'minutesPublish',
      publishTitle: 'Publish',
      canSave: true,
    }),
  'minutes.json': () =>
    renderPublishedMinutesCard({
      title: 'Minutes: Roots, Autumn 2 2026-27 meeting',
      subtitle: 'Tue 17 Nov 2026, 13:30. Chaired by Cannon Park, minutes by Earlsdon',
      attendance: [{ label: 'Present', text: 'Earlsdon; Allesley' }],
      notes: [{ item: '1. Welcome and apologies', notes: 'Welcomed the new head.' }],
      decisions: [{ text: 'Adopt the shared moderation calendar' }],
      actions: [{ text: 'A3: Share the audit template (Earlsdon; due Tue 12 Jan 2027)' }],
      footer: 'Published by Priya Shah, Mon 23 Nov 2026, 10:00.',
      htmlUrl: 'https://bot.example/clusters/c/minutes/2026-27%232.html?sig=x',
      markdownUrl: 'https://bot.example/clusters/c/minutes/2026-27%232.md?sig=x',
    }),
  'peer-review.json': () =>
    renderPeerReviewCard({
      clusterId: 'c-roots',
      reviewId: 'R1',
      title: 'Peer review R1: Lesson study at Earlsdon',
      subtitle: 'Asked by Priya Shah. Status: requested.',
      facts: [{ title: 'Focus', value: 'Reading fluency in Key Stage 2' }],
      volunteers: [{ text: 'V1: Lee Evans (Allesley)' }],
      open: true,
      volunteerVerb: 'peerReviewVolunteer',
      footer: 'Partners: volunteer yourself or a colleague below.',
    }),
  'peer-review-request.json': () =>
    renderPeerReviewRequestCard({
      intro: 'The request goes to everyone in Roots.',
      types: [{ title: 'Peer enquiry', value: 'peer-enquiry' }],
      halfTerms: [{ title: 'Spring 1 2026-27', value: 'Spring 1 2026-27' }],
      firstHalfTerm: 'Spring 1 2026-27',
      verb: 'peerReviewRequest',
    }),
  'peer-review-done.json': () =>
    renderPeerReviewDoneCard({
      clusterId: 'c-roots',
      reviewId: 'R1',
      title: 'Outcome of peer review R1',
      intro: 'Lesson study at Earlsdon: reading fluency',
      rows: [
        {
          label: 'Follow-up action 1',
          titleId: 'followUp-0-title',
          schoolId: 'followUp-0-school',
          dueId: 'followUp-0-due',
        },
      ],
      schoolChoices: [{ title: 'Earlsdon', value: 'urn-103704' }],
      verb: 'peerReviewDone',
    }),
  'peer-reviews.json': () =>
    renderPeerReviewsCard({
      title: 'Roots: peer reviews',
      open: [{ text: '**R2** Audit at Allesley: SEND provision map (requested, 0 of 1 reviewer(s))' }],
      closed: [{ text: '**R1** Lesson study at Earlsdon: reading fluency (done)' }],
      schools: [{ name: 'Earlsdon', counts: '1 · 0 · 1' }],
      footer: 'Given counts reviews done with the school as an accepted reviewer.',
    }),
  'school-import.json': () =>
    renderSchoolImportCard({
      title: 'Import member schools',
      explanation: 'Paste a roster.',
      network: 'Roots',
      csv: 'school,urn,head',
      verb: 'importRoster',
      uploadVerb: 'uploadFile',
    }),
  'term-dates.json': () =>
    renderTermDatesCard({
      title: 'Roots: 2026-27 term dates',
      explanation: 'Enter the first and last day of each half term.',
      year: '2026-27',
      halfTerms: [
        { name: 'Autumn 1', startId: 'start1', endId: 'end1', start: '2026-09-03', end: '2026-10-23' },
        { name: 'Autumn 2', startId: 'start2', endId: 'end2', start: '', end: '' },
      ],
      closures: '2026-09-02',
      verb: 'setTermDates',
      uploadVerb: 'uploadFile',
    }),
  'welcome.json': () =>
    renderWelcomeCard({
      heading: "Hello, I'm Clusterbot",
      purpose: 'I help your cluster run its meetings.',
      nextStep: 'Type /help.',
      privacy: 'I never store pupil data.',
      helpVerb: 'showHelp',
    }),
};
