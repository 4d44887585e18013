import { AddPasskey, RenewRecoveryCodes } from "@/components/auth/add-passkey";
import { PasskeyList } from "@/components/auth/passkey-list";
import { ClientSections } from "@/components/i18n/client-sections";
import { pageActor } from "@/lib/auth/page-actor";
import { needsSecondFactor } from "@/lib/auth/second-factor";
import { getDb } from "@/lib/db";
import { listOwnPasskeys } from "@/lib/data/passkeys/manage";
import { toLocale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

/** Everyone's own passkeys: list, add, remove; staff also renew their recovery codes. */
export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  const { passkeys, recoveryCodesLeft } = await listOwnPasskeys(getDb(), actor);
  const staffLike = needsSecondFactor(actor.role);
  return (
    <ClientSections locale={locale} sections={["passkeys"]}>
      <h1>{t("passkeys.accountTitle")}</h1>
      <p>{t("passkeys.accountIntro")}</p>
      <p>
        <strong>{actor.email}</strong>
      </p>
      <PasskeyList
        passkeys={passkeys.map((p) => ({
          id: p.id,
          name: p.name,
          created: formatDateTime(locale, p.createdAt),
          lastUsed: p.lastUsedAt ? formatDateTime(locale, p.lastUsedAt) : null,
          backedUp: p.backedUp,
        }))}
      />
      <h2>{t("passkeys.add")}</h2>
      <AddPasskey />
      {staffLike && (
        <>
          <h2>{t("passkeys.codesTitle")}</h2>
          <p>{t("passkeys.codesLeft", { count: recoveryCodesLeft })}</p>
          <RenewRecoveryCodes />
        </>
      )}
    </ClientSections>
  );
}
