import { can } from "@/lib/auth/permissions";
import { getAssignment } from "@/lib/data/requests/get-assignment";
import { listAssignees } from "@/lib/data/requests/list-assignees";

import type { StaffPanelProps } from "../panel-props";

import { AssignForm } from "@/components/staff/deferred-forms";

/**
 * Claim and reassign on the staff request page: who has the request, a button to claim it while
 * nobody has, and a choice of any staff member to give it to. Closed requests show the assignee.
 */
export async function AssignControl({ request, actor, t }: StaffPanelProps) {
  const [assignment, assignees] = await Promise.all([
    getAssignment({ actor, reference: request.reference }),
    listAssignees({ actor }),
  ]);
  if (!assignment) return null;
  const current = assignment.assigneeId === actor.userId ? t("queue.assign.you") : null;
  return (
    <section className="panel" aria-labelledby="assign-title" data-testid="assign-control">
      <h2 id="assign-title">{t("queue.assign.title")}</h2>
      <p data-testid="assignee">
        {t("staff.assignee")}: {current ?? assignment.assigneeName ?? t("staff.unassigned")}
      </p>
      {assignment.open && can(actor.role, "request:assign") && (
        <AssignForm
          reference={request.reference}
          assigneeId={assignment.assigneeId}
          actorId={actor.userId}
          assignees={assignees.map((a) => ({
            id: a.id,
            label: a.name ? `${a.name} (${a.email})` : a.email,
          }))}
        />
      )}
    </section>
  );
}
