import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FilterDisclosure } from "@/components/ui/filter-disclosure";
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

/** One filter: a select named after the query parameter, showing the value in the URL. */
function FilterSelect(props: {
  id: string;
  name: keyof TQueueFilter;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  any?: string;
}) {
  return (
    <SelectField
      id={props.id}
      label={props.label}
      name={props.name}
      defaultValue={props.value ?? ""}
    >
      {props.any !== undefined && <option value="">{props.any}</option>}
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );
}

/** The conditions that narrow the queue (the sort only orders it). */
const CONDITIONS = [
  "type",
  "status",
  "jurisdiction",
  "assignee",
  "dueBefore",
  "filer",
  "channel",
  "ack",
] as const satisfies readonly (keyof TQueueFilter)[];

/**
 * A plain GET form: works without JavaScript; only codes, a date and user ids reach the URL.
 * Folded while nothing narrows the queue (FilterDisclosure), open when anything does or the
 * order was changed.
 */
export function QueueFilterForm(props: {
  action: string;
  filter: TQueueFilter;
  assignees: Assignee[];
  t: Translate;
}) {
  const { filter, t } = props;
  const any = t("queue.filter.any");
  const active = CONDITIONS.filter((k) => filter[k] !== undefined).length;
  return (
    <FilterDisclosure
      titleId="queue-filter-title"
      title={t("queue.filter.title")}
      active={active}
      activeLabel={t("queue.filter.active", { count: active })}
      open={filter.sort !== undefined}
      testId="queue-filter-count"
    >
      <form method="get" action={props.action} aria-labelledby="queue-filter-title">
        <div className="row">
          <FilterSelect
            id="q-type"
            name="type"
            label={t("request.type")}
            value={filter.type}
            any={any}
            options={REQUEST_TYPES.map((v) => ({ value: v, label: t(`requestType.${v}`) }))}
          />
          <FilterSelect
            id="q-status"
            name="status"
            label={t("request.status")}
            value={filter.status}
            any={any}
            options={OPEN_STATUSES.map((v) => ({ value: v, label: t(`status.${v}`) }))}
          />
          <FilterSelect
            id="q-jurisdiction"
            name="jurisdiction"
            label={t("queue.filter.jurisdiction")}
            value={filter.jurisdiction}
            any={any}
            options={JURISDICTIONS.map((v) => ({ value: v, label: t(`queue.jurisdiction.${v}`) }))}
          />
          <FilterSelect
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
          <TextField
            id="q-due-before"
            type="date"
            label={t("queue.filter.dueBefore")}
            name="dueBefore"
            defaultValue={filter.dueBefore ?? ""}
          />
          <FilterSelect
            id="q-filer"
            name="filer"
            label={t("request.filerRole")}
            value={filter.filer}
            any={any}
            options={QUEUE_FILERS.map((v) => ({ value: v, label: t(`queue.filer.${v}`) }))}
          />
          <FilterSelect
            id="q-channel"
            name="channel"
            label={t("request.channel")}
            value={filter.channel}
            any={any}
            options={QUEUE_CHANNELS.map((v) => ({ value: v, label: t(`channel.${v}`) }))}
          />
          <FilterSelect
            id="q-ack"
            name="ack"
            label={t("queue.filter.ack")}
            value={filter.ack}
            any={any}
            options={QUEUE_ACK.map((v) => ({ value: v, label: t("queue.filter.ackOverdue") }))}
          />
          <FilterSelect
            id="q-sort"
            name="sort"
            label={t("queue.sort.label")}
            value={filter.sort ?? "due-asc"}
            options={QUEUE_SORTS.map((v) => ({ value: v, label: t(`queue.sort.${v}`) }))}
          />
        </div>
        <p>
          <SubmitButton pending={false}>{t("queue.filter.apply")}</SubmitButton>{" "}
          <a href={props.action}>{t("queue.filter.clear")}</a>
        </p>
      </form>
    </FilterDisclosure>
  );
}
