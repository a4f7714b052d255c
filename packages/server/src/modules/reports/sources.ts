/**
 * The records each indicator source counts (domain reports/indicators.ts), as the FROM of the
 * report's aggregate and of the drill-down list: a table, or a small derived table that joins what
 * a figure needs (an inspection's subjects and violations, a recovery's recommendation), each row
 * carrying `agency_id`. `list` gives the drill-down's columns (code, date, title, state); the
 * asset-declaration sources show only the official's name and a status, never the declaration.
 */
import type { IndicatorSource } from "@minhbach/domain/reports/index";
import { sql, type RawBuilder } from "kysely";

export interface SourceTable {
  alias: string;
  /** The records, in Vietnamese (a job's step says it has counted them). */
  label: string;
  /** The FROM item: the period's first day is given for figures "as of the period start". */
  from: (periodFrom: string) => RawBuilder<unknown>;
  /** Its rows depend on that day (amounts still due when the period started). */
  asOfStart?: true;
  /** The column holding the matter (for "vụ việc" counts). */
  matter: string | null;
  /** The column saying the row's matter holds other rows too (kept by a trigger, migration 0049). */
  matterShared?: string;
  /** Columns a measure may add up. */
  summable: readonly string[];
  /** Columns a figure may be grouped by, by dimension name (the dashboard's "by field"). */
  dimensions?: Readonly<Record<string, string>>;
  /** The drill-down's columns over the alias (and joins), see drilldown.ts. */
  list: {
    id: string;
    code: string;
    date: string;
    title: string;
    state: string;
    joins?: string;
    /** The id is text, not a uuid (a manual cell is its agency, form, period and cell). */
    textId?: true;
  };
}

const table = (name: string) => () => sql.table(name);

export const SOURCE_TABLES: Record<IndicatorSource, SourceTable> = {
  petition: {
    alias: "p",
    label: "đơn thư",
    from: table("petition"),
    matter: "matter_id",
    matterShared: "matter_shared",
    summable: [],
    dimensions: { field: "field_code" },
    list: {
      id: "p.id",
      code: "p.code",
      date: "p.received_on::text",
      title: "coalesce(p.excerpt, '')",
      state: "p.state",
    },
  },
  visit: {
    alias: "v",
    label: "lượt tiếp công dân",
    from: table("reception_visit"),
    matter: null,
    summable: ["people_count"],
    list: {
      id: "v.id",
      code: "v.seq_no || '/' || v.register_year",
      date: "v.received_on::text",
      title: "v.content_summary",
      state: "v.state",
    },
  },
  case: {
    alias: "c",
    label: "vụ việc khiếu nại, tố cáo",
    from: table("case_figures"),
    matter: null,
    summable: ["money_to_state", "money_to_others", "land_to_state", "land_to_others"],
    list: {
      id: "c.case_id",
      code: "r.code",
      date: "coalesce(c.ended_on, c.accepted_on, c.received_on)::text",
      title: "r.title",
      state: "r.state",
      joins: "join resolution_case r on r.id = c.case_id",
    },
  },
  inspection: {
    alias: "i",
    label: "cuộc thanh tra",
    from: () => sql`(select i.id, i.agency_id, i.code, i.title, i.state, i.kind, i.trigger, i.decided_on, i.signed_on,
        (select count(*) from inspection_target t where t.inspection_id = i.id) as targets,
        (select count(distinct v.subject_id) from inspection_violation v where v.inspection_id = i.id) as violating_targets,
        (select coalesce(sum(v.money), 0) from inspection_violation v where v.inspection_id = i.id) as violation_money,
        (select coalesce(sum(v.land_m2), 0) from inspection_violation v where v.inspection_id = i.id) as violation_land
      from inspection i)`,
    matter: null,
    summable: ["targets", "violating_targets", "violation_money", "violation_land"],
    list: {
      id: "i.id",
      code: "i.code",
      date: "coalesce(i.signed_on, i.decided_on)::text",
      title: "i.title",
      state: "i.state",
    },
  },
  recommendation: {
    alias: "r",
    label: "kiến nghị sau thanh tra",
    asOfStart: true,
    from: (periodFrom) => sql`(select r.id, r.agency_id, r.type, r.content, r.amount, r.land_m2, r.collectives,
        r.individuals, r.matters, jsonb_array_length(r.persons) as persons_count, r.concluded_on,
        coalesce(r.done_on, r.closed_on) as ended_on, r.closed_on is not null as closed,
        r.amount - coalesce((select sum(x.amount) from inspection_recovery x
          where x.recommendation_id = r.id and x.recovered_on < ${periodFrom}::date), 0) as outstanding_at_start,
        r.land_m2 - coalesce((select sum(x.land_m2) from inspection_recovery x
          where x.recommendation_id = r.id and x.recovered_on < ${periodFrom}::date), 0) as land_outstanding_at_start,
        i.code as inspection_code, i.kind as inspection_kind,
        case when r.closed_on is not null then 'Đã đóng' when r.done_on is not null then 'Đã thực hiện xong'
          else 'Đang thực hiện' end as state
      from inspection_recommendation r join inspection i on i.id = r.inspection_id)`,
    matter: null,
    summable: [
      "amount",
      "land_m2",
      "collectives",
      "individuals",
      "matters",
      "persons_count",
      "outstanding_at_start",
      "land_outstanding_at_start",
    ],
    list: {
      id: "r.id",
      code: "r.inspection_code",
      date: "r.concluded_on::text",
      title: "r.content",
      state: "r.state",
    },
  },
  recovery: {
    alias: "x",
    label: "khoản đã thu hồi",
    from: () => sql`(select x.id, x.agency_id, x.recovered_on, x.amount, x.land_m2, r.type,
        r.concluded_on as rec_concluded_on, r.content, i.code as inspection_code, i.kind as inspection_kind
      from inspection_recovery x join inspection_recommendation r on r.id = x.recommendation_id
        join inspection i on i.id = r.inspection_id)`,
    matter: null,
    summable: ["amount", "land_m2"],
    list: {
      id: "x.id",
      code: "x.inspection_code",
      date: "x.recovered_on::text",
      title: "x.content",
      state: "'Kết luận ngày ' || to_char(x.rec_concluded_on, 'DD/MM/YYYY')",
    },
  },
  sanction: {
    alias: "s",
    label: "quyết định xử phạt",
    from: () => sql`(select s.id, i.agency_id, s.number, s.issued_on, s.target_kind, s.target_name, s.fine, s.paid,
        i.code as inspection_code, i.kind as inspection_kind
      from inspection_sanction s join inspection i on i.id = s.inspection_id)`,
    matter: null,
    summable: ["fine"],
    list: {
      id: "s.id",
      code: "s.number",
      date: "s.issued_on::text",
      title: "s.target_name || ' (' || s.inspection_code || ')'",
      state: "case when s.paid then 'Đã nộp phạt' else 'Chưa nộp phạt' end",
    },
  },
  ac_case: {
    alias: "k",
    label: "vụ việc tham nhũng",
    from: () => sql`(select k.id, k.agency_id, k.name, k.concerned_name, k.detected_on, k.channel, k.transferred_on,
        k.damage_money, k.damage_land_m2, k.recovered_money, k.recovered_land_m2, k.heads_responsible,
        (select count(*) from ac_corruption_person p where p.case_id = k.id) as persons
      from ac_corruption_case k)`,
    matter: null,
    summable: [
      "damage_money",
      "damage_land_m2",
      "recovered_money",
      "recovered_land_m2",
      "heads_responsible",
      "persons",
    ],
    list: {
      id: "k.id",
      code: "to_char(k.detected_on, 'DD/MM/YYYY')",
      date: "k.detected_on::text",
      title: "k.name || ' — ' || k.concerned_name",
      state: "case when k.transferred_on is null then 'Đang xử lý' else 'Đã chuyển cơ quan điều tra' end",
    },
  },
  ac_loophole: {
    alias: "l",
    label: "văn bản có sơ hở",
    from: table("ac_loophole_document"),
    matter: null,
    summable: [],
    list: {
      id: "l.id",
      code: "coalesce(l.number_symbol, '')",
      date: "l.found_on::text",
      title: "l.title || ' — ' || l.issuing_body",
      state: "case when l.remedied_on is null then 'Chưa khắc phục' else 'Đã khắc phục' end",
    },
  },
  ac_prevention: {
    alias: "d",
    label: "văn bản phòng ngừa tham nhũng",
    from: table("ac_prevention_document"),
    matter: null,
    summable: [],
    list: {
      id: "d.id",
      code: "coalesce(d.number_symbol, '')",
      date: "d.issued_on::text",
      title: "d.title",
      state: "case when d.action = 'issued' then 'Ban hành mới' else 'Sửa đổi, bổ sung' end",
    },
  },
  ac_gift: {
    alias: "g",
    label: "quà tặng nộp lại",
    from: table("ac_gift"),
    matter: null,
    summable: ["value"],
    list: {
      id: "g.id",
      code: "''",
      date: "g.handed_on::text",
      title: "g.full_name || ': ' || g.description",
      state: "coalesce(g.handling, '')",
    },
  },
  ac_training: {
    alias: "tr",
    label: "buổi tuyên truyền, tập huấn",
    from: table("ac_training"),
    matter: null,
    summable: ["sessions", "participants"],
    list: {
      id: "tr.id",
      code: "''",
      date: "tr.held_on::text",
      title: "tr.title",
      state: "case when tr.kind = 'training' then 'Tập huấn' else 'Tuyên truyền' end",
    },
  },
  // Asset declarations: only the official's name and a status (docs/LAW.md §10.1).
  ac_obligation: {
    alias: "o",
    label: "nghĩa vụ kê khai tài sản",
    from: () => sql`(select o.id, o.agency_id, o.kind, o.removed, o.due_on, o.received_on, f.full_name
      from ac_obligation o join ac_official f on f.id = o.official_id)`,
    matter: null,
    summable: [],
    list: {
      id: "o.id",
      code: "''",
      date: "''",
      title: "o.full_name",
      state: "case when o.received_on is null then 'Chưa nộp bản kê khai' else 'Đã nộp bản kê khai' end",
    },
  },
  ac_declaration: {
    alias: "dc",
    label: "bản kê khai tài sản",
    from: () => sql`(select d.id, d.agency_id, d.kind, d.declared_on, f.full_name
      from ac_declaration d join ac_official f on f.id = d.official_id)`,
    matter: null,
    summable: [],
    list: { id: "dc.id", code: "''", date: "''", title: "dc.full_name", state: "'Đã kê khai'" },
  },
  ac_verification: {
    alias: "vf",
    label: "kết luận xác minh tài sản",
    from: () => sql`(select v.id, v.agency_id, v.ground, v.conclusion, v.concluded_on, f.full_name
      from ac_verification v join ac_official f on f.id = v.official_id)`,
    matter: null,
    summable: [],
    list: {
      id: "vf.id",
      code: "''",
      date: "''",
      title: "vf.full_name",
      state: "case when vf.conclusion = 'dishonest' then 'Kết luận: không trung thực' else 'Kết luận: trung thực' end",
    },
  },
  // Job rotation: the person's name, the plan's day and the outcome; no declaration, no reason text.
  ac_rotation: {
    alias: "rt",
    label: "chuyển đổi vị trí công tác",
    from: () => sql`(select r.id, r.agency_id, r.year, r.planned_on, r.outcome, r.outcome_on, f.full_name
      from ac_rotation r join ac_official f on f.id = r.official_id)`,
    matter: null,
    summable: [],
    list: {
      id: "rt.id",
      code: "'KH ' || rt.year",
      date: "coalesce(rt.outcome_on, rt.planned_on)::text",
      title: "rt.full_name",
      state: `case rt.outcome when 'done' then 'Đã chuyển đổi' when 'exempted' then 'Không thực hiện chuyển đổi'
        when 'deferred' then 'Tạm hoãn chuyển đổi' else 'Trong kế hoạch, chưa thực hiện' end`,
    },
  },
  // Enforcement of decisions (05/KQTH): each record with what was still to do when the period
  // started (ordered minus the steps before it); the case's title is its masked copy.
  enforcement: {
    alias: "e",
    label: "quyết định phải thi hành",
    asOfStart: true,
    from: (periodFrom) => sql`(select e.id, e.agency_id, e.kind, e.decided_on, e.done_on, e.state, c.code, c.title,
        e.money_to_state - coalesce(b.money_to_state, 0) as money_to_state_left,
        e.money_to_others - coalesce(b.money_to_others, 0) as money_to_others_left,
        e.land_to_state - coalesce(b.land_to_state, 0) as land_to_state_left,
        e.land_to_others - coalesce(b.land_to_others, 0) as land_to_others_left,
        e.persons_to_discipline - coalesce(b.persons_disciplined, 0) as discipline_left
      from case_enforcement e join resolution_case c on c.id = e.case_id
        left join (select enforcement_id, sum(money_to_state) as money_to_state, sum(money_to_others) as money_to_others,
            sum(land_to_state) as land_to_state, sum(land_to_others) as land_to_others,
            sum(persons_disciplined) as persons_disciplined
          from case_enforcement_step where on_date < ${periodFrom}::date group by enforcement_id) b
          on b.enforcement_id = e.id)`,
    matter: null,
    summable: [
      "money_to_state_left",
      "money_to_others_left",
      "land_to_state_left",
      "land_to_others_left",
      "discipline_left",
    ],
    list: {
      id: "e.id",
      code: "e.code",
      date: "e.decided_on::text",
      title: "e.title",
      state:
        "case e.state when 'done' then 'Đã thi hành xong' when 'in_progress' then 'Đang thi hành' else 'Chưa tổ chức thi hành' end",
    },
  },
  enforcement_step: {
    alias: "es",
    label: "bước thi hành quyết định",
    from: () => sql`(select s.id, s.agency_id, s.kind, s.on_date, e.kind as case_kind, c.code, c.title,
        s.money_to_state, s.money_to_others, s.land_to_state, s.land_to_others, s.persons_disciplined,
        s.matters_transferred, s.persons_transferred, s.rights_restored
      from case_enforcement_step s join case_enforcement e on e.id = s.enforcement_id
        join resolution_case c on c.id = e.case_id)`,
    matter: null,
    summable: [
      "money_to_state",
      "money_to_others",
      "land_to_state",
      "land_to_others",
      "persons_disciplined",
      "matters_transferred",
      "persons_transferred",
      "rights_restored",
    ],
    list: {
      id: "es.id",
      code: "es.code",
      date: "es.on_date::text",
      title: "es.title",
      state:
        "case es.kind when 'done' then 'Thi hành xong' when 'partial' then 'Thi hành một phần' else 'Bắt đầu thi hành' end",
    },
  },
  // Manual cells (06/QLKNTC): what the unit entered, with who entered it last.
  manual: {
    alias: "mc",
    label: "số liệu nhập tay",
    from: table("report_manual_cell"),
    matter: null,
    summable: ["value"],
    list: {
      // The whole key of the entry: a sent report's kept records find it by this id (drilldown.ts).
      id: "mc.agency_id || ':' || mc.form || ':' || mc.period_from || ':' || mc.period_to || ':' || mc.cell",
      textId: true,
      code: "mc.form",
      date: "mc.period_to::text",
      title: "coalesce(mc.note, 'Số liệu nhập tay')",
      state:
        "'Nhập tay: ' || coalesce(mc.updated_by_name, '') || ' ' || to_char(mc.updated_at at time zone 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY')",
    },
  },
};
