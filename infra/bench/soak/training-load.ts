// The soak's processes: training applications of 嘉兴市温州商会's staff, one every couple of
// seconds, each decided through to its end the way people would: every third one turned down by
// the chamber, the rest endorsed, confirmed by the Federation, attended for the course's one day
// (the workflow then writes the certificate to the registry and completes). A new course when
// one fills up. Only the gateway is used, as any client would.

type Ask = (query: string, variables: Record<string, unknown>, token: string) => Promise<any>;
type Tokens = { admin: string; integrator: string; approver: string; officer: string };

const COURSE_SEATS = 40;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export class TrainingLoad {
  private applied = 0;
  private decided = 0;
  private completed = 0;
  private course?: { id: string; seatsLeft: number };

  constructor(
    private readonly ask: Ask,
    private readonly tokens: Tokens,
    private readonly organizationId: string,
    /** Moves an enrollment's course to begin today: attendance is taken on course days only. */
    private readonly beginCourse: (enrollmentId: string) => Promise<unknown>,
  ) {}

  summary(): string {
    return `${this.applied} applications, ${this.decided} decisions, ${this.completed} attended`;
  }

  async run(stopped: () => boolean): Promise<void> {
    await Promise.all([this.apply(stopped), this.decide(stopped)]);
  }

  private async courseId(): Promise<string | undefined> {
    if (!this.course || this.course.seatsLeft <= 0) {
      const startsOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      const data = await this.ask(
        'mutation ($i: NewTrainingCourse!) { createTrainingCourse(input: $i) { id } }',
        { i: { title: `耐久演练班 ${Date.now()}`, days: 1, capacity: COURSE_SEATS, startsOn } },
        this.tokens.admin,
      );
      if (!data) return undefined;
      this.course = { id: data.createTrainingCourse.id, seatsLeft: COURSE_SEATS };
    }
    this.course.seatsLeft--;
    return this.course.id;
  }

  private async apply(stopped: () => boolean) {
    while (!stopped()) {
      const courseId = await this.courseId();
      const person = await this.ask(
        'mutation ($n: NewPerson!) { createPerson(input: $n) { id } }',
        { n: { name: `耐久学员${this.applied}` } },
        this.tokens.admin,
      );
      const personId = person?.createPerson.id;
      if (courseId && personId) {
        await this.ask(
          'mutation ($p: NewPosition!) { createPosition(input: $p) { id } }',
          { p: { personId, organizationId: this.organizationId, role: 'FULL_TIME_STAFF', validFrom: '2020-01-01' } },
          this.tokens.admin,
        );
        const enrolled = await this.ask(
          'mutation ($c: ID!, $o: ID!, $p: ID!) { enrollInTraining(courseId: $c, organizationId: $o, personId: $p) { id } }',
          { c: courseId, o: this.organizationId, p: personId },
          this.tokens.integrator,
        );
        if (enrolled) this.applied++;
      }
      await sleep(2_000);
    }
  }

  /** Every open task of the load, decided; every enrolled applicant's day recorded. */
  private async decide(stopped: () => boolean) {
    while (!stopped()) {
      for (const [token, kind] of [
        [this.tokens.approver, 'ENDORSE_ENROLLMENT'],
        [this.tokens.officer, 'CONFIRM_ENROLLMENT'],
      ] as const) {
        const inbox = await this.ask(
          'query ($k: String) { myTasks(first: 20, status: OPEN, kind: $k) { edges { node { id } } } }',
          { k: kind },
          token,
        );
        for (const { node } of inbox?.myTasks.edges ?? []) {
          const reject = kind === 'ENDORSE_ENROLLMENT' && this.decided % 3 === 0;
          const input = reject ? { outcome: 'REJECT', values: { reason: '名额已满' } } : { outcome: 'APPROVE' };
          const done = await this.ask(
            'mutation ($id: ID!, $input: DecisionInput!) { decideTask(id: $id, input: $input) { task { status } } }',
            { id: node.id, input },
            token,
          );
          if (done) this.decided++;
        }
      }
      const enrolled = await this.ask(
        'query ($o: ID!) { organization(id: $o) { trainingEnrollments { id status } } }',
        { o: this.organizationId },
        this.tokens.officer,
      );
      for (const e of (enrolled?.organization.trainingEnrollments ?? []).filter((e: any) => e.status === 'ENROLLED')) {
        await this.beginCourse(e.id);
        const done = await this.ask(
          'mutation ($id: ID!) { recordAttendance(enrollmentId: $id, day: 1, attended: true) { status } }',
          { id: e.id },
          this.tokens.officer,
        );
        if (done) this.completed++;
      }
      await sleep(1_000);
    }
  }
}
