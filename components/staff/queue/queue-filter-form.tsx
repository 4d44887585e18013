import { REQUEST_TYPES } from "@/lib/requests/vocabulary";
import type { Assignee } from "@/lib/data/requests/list-assignees";
import type { Translate } from "@/lib/i18n/translate";
import { OPEN_STATUSES } from "@/lib/requests/lifecycle";
import {
  JURISDICTIONS,
  QUEUE_ACK,
  QUEUE_CHANNELS,
  QUEUE_FILERS,
  QUEUE_SORTS,
  type TQueueFilter,
} from "@/lib/validation/queue";

function SelectField(props: {
  id: string;
  name: keyof TQueueFilter;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  any?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.value ?? ""}>
        {props.any !== undefined && <option value="">{props.any}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A plain GET form: works without JavaScript; only codes, a date and user ids reach the URL. */
export function QueueFilterForm(props: {
  action: string;
  filter: TQueueFilter;
  assignees: Assignee[];
  t: Translate;
}) {
  const { filter, t } = props;
  const any = t("queue.filter.any");
  return (
    <form method="get" action={props.action} aria-labelledby="queue-filter-title">
      <h2 id="queue-filter-title">{t("queue.filter.title")}</h2>
      <div className="row">
        <SelectField
          id="q-type"
          name="type"
          label={t("request.type")}
          value={filter.type}
          any={any}
          options={REQUEST_TYPES.map((v) => ({ value: v, label: t(`requestType.${v}`) }))}
        />
        <SelectField
          id="q-status"
          name="status"
          label={t("request.status")}
          value={filter.status}
          any={any}
          options={OPEN_STATUSES.map((v) => ({ value: v, label: t(`status.${v}`) }))}
        />
        <SelectField
          id="q-jurisdiction"
          name="jurisdiction"
          label={t("queue.filter.jurisdiction")}
          value={filter.jurisdiction}
          any={any}
          options={JURISDICTIONS.map((v) => ({ value: v, label: t(`queue.jurisdiction.${v}`) }))}
        />
        <SelectField
          id="q-assignee"
          name="assignee"
          label={t("staff.assignee")}
          value={filter.assignee}
          any={any}
          options={[
            { value: "me", label: t("queue.filter.assigneeMe") },
            { value: "unassigned", label: t("staff.unassigned") },
            ...props.assignees.map((a) => ({
              value: a.id,
              label: a.name ? `${a.name} (${a.email})` : a.email,
            })),
          ]}
        />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor="q-due-before">{t("queue.filter.dueBefore")}</label>
          <input
            id="q-due-before"
            type="date"
            name="dueBefore"
            defaultValue={filter.dueBefore ?? ""}
          />
        </div>
        <SelectField
          id="q-filer"
          name="filer"
          label={t("request.filerRole")}
          value={filter.filer}
          any={any}
          options={QUEUE_FILERS.map((v) => ({ value: v, label: t(`queue.filer.${v}`) }))}
        />
        <SelectField
          id="q-channel"
          name="channel"
          label={t("request.channel")}
          value={filter.channel}
          any={any}
          options={QUEUE_CHANNELS.map((v) => ({ value: v, label: t(`channel.${v}`) }))}
        />
        <SelectField
          id="q-ack"
          name="ack"
          label={t("queue.filter.ack")}
          value={filter.ack}
          any={any}
          options={QUEUE_ACK.map((v) => ({ value: v, label: t("queue.filter.ackOverdue") }))}
        />
        <SelectField
          id="q-sort"
          name="sort"
          label={t("queue.sort.label")}
          value={filter.sort ?? "due-asc"}
          options={QUEUE_SORTS.map((v) => ({ value: v, label: t(`queue.sort.${v}`) }))}
        />
      </div>
      <p>
        <button type="submit">{t("queue.filter.apply")}</button>{" "}
        <a href={props.action}>{t("queue.filter.clear")}</a>
      </p>
    </form>
  );
}
