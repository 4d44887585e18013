-- CreateEnum
CREATE TYPE "Role" AS ENUM ('SUBJECT', 'STAFF', 'MANAGER', 'ADMIN');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('ja', 'en');

-- CreateEnum
CREATE TYPE "ConnectorKind" AS ENUM ('INTERNAL', 'HTTP', 'MANUAL');

-- CreateEnum
CREATE TYPE "DataClass" AS ENUM ('ORDINARY', 'SENSITIVE', 'INFORMATIVE');

-- CreateEnum
CREATE TYPE "DataSource" AS ENUM ('DIRECT', 'AUTOMATIC', 'THIRD_PARTY', 'PUBLIC');

-- CreateEnum
CREATE TYPE "RecipientClass" AS ENUM ('THIRD_PARTY', 'GROUP_COMPANY', 'FOREIGN_THIRD_PARTY', 'PROCESSOR', 'LAW_ENFORCEMENT');

-- CreateEnum
CREATE TYPE "LegalBasis" AS ENUM ('CONSENT', 'OPT_OUT', 'LAW', 'USER_APPLICATION', 'CONTRACT', 'PROCESSING_ENTRUSTMENT');

-- CreateEnum
CREATE TYPE "RestrictionKind" AS ENUM ('PURPOSE', 'RECIPIENT', 'RECIPIENT_CLASS', 'ALL_PROVISION', 'ERASURE');

-- CreateEnum
CREATE TYPE "LawEnforcementBasis" AS ENUM ('WARRANT', 'INQUIRY', 'OTHER_LAW');

-- CreateEnum
CREATE TYPE "RequestType" AS ENUM ('DISCLOSURE', 'PROVISION_RECORDS', 'PURPOSE_NOTIFICATION', 'CORRECTION', 'SUSPENSION_ERASURE', 'STOP_PROVISION');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('SUBMITTED', 'AWAITING_IDENTITY', 'IDENTITY_REVIEW', 'IN_PROGRESS', 'NEEDS_INFO', 'AWAITING_APPROVAL', 'COMPLETED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "FilerRole" AS ENUM ('SELF', 'LEGAL_REPRESENTATIVE', 'APPOINTED_AGENT');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('WEB', 'EMAIL', 'PHONE', 'POST', 'IN_PERSON');

-- CreateEnum
CREATE TYPE "Jurisdiction" AS ENUM ('JP', 'EU', 'UK', 'US_CA', 'KR', 'BR');

-- CreateEnum
CREATE TYPE "Outcome" AS ENUM ('FULFILLED', 'PARTIALLY_FULFILLED', 'REFUSED', 'UNVERIFIABLE');

-- CreateEnum
CREATE TYPE "RefusalGround" AS ENUM ('HARM_TO_PERSON', 'BUSINESS_DISRUPTION', 'VIOLATES_OTHER_LAW', 'CONTENT_NOT_UNTRUE', 'NOT_WITHIN_GROUNDS', 'IDENTITY_NOT_VERIFIED', 'MANIFESTLY_UNFOUNDED');

-- CreateEnum
CREATE TYPE "ClockEventKind" AS ENUM ('PAUSE', 'RESUME');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('DRIVERS_LICENSE', 'PASSPORT', 'RESIDENCE_CARD', 'MY_NUMBER_CARD_FRONT', 'HEALTH_INSURANCE_CARD', 'NON_PHOTO', 'AUTHORITY_PROOF');

-- CreateEnum
CREATE TYPE "DocumentOwner" AS ENUM ('SUBJECT', 'AGENT');

-- CreateEnum
CREATE TYPE "VerificationResult" AS ENUM ('VERIFIED', 'RESUBMIT', 'UNVERIFIABLE');

-- CreateEnum
CREATE TYPE "MessageDirection" AS ENUM ('TO_REQUESTER', 'FROM_REQUESTER', 'INTERNAL_NOTE');

-- CreateEnum
CREATE TYPE "FulfilmentAction" AS ENUM ('EXPORT', 'CORRECT', 'ERASE', 'RESTRICT', 'STOP_PROVISION');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ApprovalKind" AS ENUM ('ERASURE_COMPLETION', 'REFUSAL', 'EXTENSION');

-- CreateEnum
CREATE TYPE "ApprovalDecision" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "PackageFormat" AS ENUM ('JSON', 'CSV', 'PDF', 'HTML', 'PAPER');

-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('CORRECTION', 'ERASURE', 'STOP_PROVISION');

-- CreateEnum
CREATE TYPE "DeadlineUnit" AS ENUM ('CALENDAR_DAYS', 'BUSINESS_DAYS', 'MONTHS');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" TIMESTAMP(3),
    "name" TEXT,
    "image" TEXT,
    "role" "Role" NOT NULL DEFAULT 'SUBJECT',
    "locale" "Locale" NOT NULL DEFAULT 'ja',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,
    "authenticatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "Subject" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "familyName" TEXT NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyNameKana" TEXT,
    "givenNameKana" TEXT,
    "birthDate" DATE,
    "email" TEXT,
    "phone" TEXT,
    "postalCode" TEXT,
    "address" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Subject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubjectExternalId" (
    "id" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,

    CONSTRAINT "SubjectExternalId_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataSystem" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionJa" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "connector" "ConnectorKind" NOT NULL DEFAULT 'MANUAL',
    "config" JSONB NOT NULL DEFAULT '{}',
    "secret" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DataSystem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataCategory" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionJa" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "dataClass" "DataClass" NOT NULL DEFAULT 'ORDINARY',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DataCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Purpose" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionJa" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "suspendable" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Purpose_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SystemCategoryPurpose" (
    "systemId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "purposeId" TEXT NOT NULL,

    CONSTRAINT "SystemCategoryPurpose_pkey" PRIMARY KEY ("systemId","categoryId","purposeId")
);

-- CreateTable
CREATE TABLE "PersonalDataItem" (
    "id" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "source" "DataSource" NOT NULL DEFAULT 'DIRECT',
    "sourceNote" TEXT NOT NULL DEFAULT '',
    "linkedToPerson" BOOLEAN NOT NULL DEFAULT true,
    "collectedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "retainUntil" TIMESTAMP(3),
    "legalHold" BOOLEAN NOT NULL DEFAULT false,
    "legalHoldReason" TEXT,
    "erasedAt" TIMESTAMP(3),

    CONSTRAINT "PersonalDataItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recipient" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "recipientClass" "RecipientClass" NOT NULL,
    "descriptionJa" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "country" TEXT,
    "regimeNoteJa" TEXT,
    "regimeNoteEn" TEXT,
    "measuresJa" TEXT,
    "measuresEn" TEXT,
    "processorCategoryJa" TEXT,
    "processorCategoryEn" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Recipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Scene" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionJa" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Scene_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProvisionRecord" (
    "id" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "purposeId" TEXT NOT NULL,
    "sceneId" TEXT,
    "sourceSystemId" TEXT,
    "providedAt" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3),
    "items" TEXT[],
    "legalBasis" "LegalBasis" NOT NULL,
    "consentId" TEXT,
    "keepUntil" TIMESTAMP(3) NOT NULL,
    "externalEventId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProvisionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recipientId" TEXT,
    "purposeId" TEXT,
    "reference" TEXT NOT NULL,
    "descriptionJa" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "grantedAt" TIMESTAMP(3) NOT NULL,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UseRestriction" (
    "id" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "kind" "RestrictionKind" NOT NULL,
    "purposeId" TEXT,
    "recipientId" TEXT,
    "recipientClass" "RecipientClass",
    "requestId" TEXT,
    "effectiveAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedAt" TIMESTAMP(3),

    CONSTRAINT "UseRestriction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LawEnforcementDisclosure" (
    "id" TEXT NOT NULL,
    "subjectId" TEXT,
    "authority" TEXT NOT NULL,
    "basis" "LawEnforcementBasis" NOT NULL,
    "issuingOfficer" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "items" TEXT[],
    "approverId" TEXT,
    "disclosedAt" TIMESTAMP(3) NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LawEnforcementDisclosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Request" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "type" "RequestType" NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'SUBMITTED',
    "subjectId" TEXT NOT NULL,
    "filedById" TEXT,
    "filerRole" "FilerRole" NOT NULL DEFAULT 'SELF',
    "channel" "Channel" NOT NULL DEFAULT 'WEB',
    "jurisdictions" "Jurisdiction"[] DEFAULT ARRAY['JP']::"Jurisdiction"[],
    "locale" "Locale" NOT NULL DEFAULT 'ja',
    "details" JSONB NOT NULL DEFAULT '{}',
    "agentDetails" JSONB,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3) NOT NULL,
    "extendedDueAt" TIMESTAMP(3),
    "identityVerifiedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "outcome" "Outcome",
    "refusalGrounds" "RefusalGround"[],
    "outcomeNote" TEXT,
    "assigneeId" TEXT,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestCounter" (
    "year" INTEGER NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RequestCounter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "RequestEvent" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromStatus" "RequestStatus",
    "toStatus" "RequestStatus",
    "actorId" TEXT,
    "visibleToRequester" BOOLEAN NOT NULL DEFAULT true,
    "note" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClockEvent" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "kind" "ClockEventKind" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClockEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Extension" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "jurisdiction" "Jurisdiction" NOT NULL,
    "reason" TEXT NOT NULL,
    "newDueAt" TIMESTAMP(3) NOT NULL,
    "noticeSentAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Extension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityDocument" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "owner" "DocumentOwner" NOT NULL DEFAULT 'SUBJECT',
    "kind" "DocumentKind" NOT NULL,
    "side" TEXT,
    "storageKey" TEXT,
    "wrappedKey" TEXT,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "purgeAfter" TIMESTAMP(3),
    "purgedAt" TIMESTAMP(3),
    "purgeNote" TEXT,

    CONSTRAINT "IdentityDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationDecision" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "result" "VerificationResult" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VerificationDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "authorId" TEXT,
    "direction" "MessageDirection" NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageAttachment" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "wrappedKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FulfilmentTask" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "action" "FulfilmentAction" NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "result" JSONB,
    "note" TEXT,
    "assigneeId" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FulfilmentTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Approval" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "kind" "ApprovalKind" NOT NULL,
    "decision" "ApprovalDecision" NOT NULL DEFAULT 'PENDING',
    "requestedById" TEXT NOT NULL,
    "decidedById" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "Approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResponsePackage" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "format" "PackageFormat" NOT NULL,
    "storageKey" TEXT,
    "wrappedKey" TEXT,
    "sha256" TEXT,
    "sizeBytes" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "ResponsePackage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecipientNotice" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "sentAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecipientNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadlinePolicy" (
    "id" TEXT NOT NULL,
    "jurisdiction" "Jurisdiction" NOT NULL,
    "requestType" "RequestType",
    "amount" INTEGER NOT NULL,
    "unit" "DeadlineUnit" NOT NULL,
    "extensionAmount" INTEGER,
    "extensionUnit" "DeadlineUnit",
    "ackAmount" INTEGER,
    "ackUnit" "DeadlineUnit",
    "pauseAllowed" BOOLEAN NOT NULL DEFAULT false,
    "noteJa" TEXT NOT NULL DEFAULT '',
    "noteEn" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeadlinePolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageTemplate" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MessageTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL DEFAULT 'org',
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "addressJa" TEXT NOT NULL DEFAULT '',
    "addressEn" TEXT NOT NULL DEFAULT '',
    "contactEmail" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "representative" TEXT NOT NULL DEFAULT '',
    "disclosureFeeYen" INTEGER NOT NULL DEFAULT 0,
    "purposeNotificationFeeYen" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "requestId" TEXT,
    "ip" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DevMail" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DevMail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account"("provider", "providerAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_identifier_token_key" ON "VerificationToken"("identifier", "token");

-- CreateIndex
CREATE UNIQUE INDEX "Subject_userId_key" ON "Subject"("userId");

-- CreateIndex
CREATE INDEX "Subject_email_idx" ON "Subject"("email");

-- CreateIndex
CREATE INDEX "SubjectExternalId_subjectId_idx" ON "SubjectExternalId"("subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "SubjectExternalId_systemId_externalId_key" ON "SubjectExternalId"("systemId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "DataSystem_key_key" ON "DataSystem"("key");

-- CreateIndex
CREATE UNIQUE INDEX "DataCategory_key_key" ON "DataCategory"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Purpose_key_key" ON "Purpose"("key");

-- CreateIndex
CREATE INDEX "SystemCategoryPurpose_categoryId_idx" ON "SystemCategoryPurpose"("categoryId");

-- CreateIndex
CREATE INDEX "SystemCategoryPurpose_purposeId_idx" ON "SystemCategoryPurpose"("purposeId");

-- CreateIndex
CREATE INDEX "PersonalDataItem_subjectId_categoryId_idx" ON "PersonalDataItem"("subjectId", "categoryId");

-- CreateIndex
CREATE INDEX "PersonalDataItem_systemId_idx" ON "PersonalDataItem"("systemId");

-- CreateIndex
CREATE UNIQUE INDEX "Recipient_key_key" ON "Recipient"("key");

-- CreateIndex
CREATE INDEX "Recipient_recipientClass_idx" ON "Recipient"("recipientClass");

-- CreateIndex
CREATE UNIQUE INDEX "Scene_key_key" ON "Scene"("key");

-- CreateIndex
CREATE INDEX "ProvisionRecord_subjectId_providedAt_id_idx" ON "ProvisionRecord"("subjectId", "providedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "ProvisionRecord_recipientId_idx" ON "ProvisionRecord"("recipientId");

-- CreateIndex
CREATE UNIQUE INDEX "ProvisionRecord_sourceSystemId_externalEventId_key" ON "ProvisionRecord"("sourceSystemId", "externalEventId");

-- CreateIndex
CREATE INDEX "Consent_subjectId_idx" ON "Consent"("subjectId");

-- CreateIndex
CREATE INDEX "UseRestriction_subjectId_idx" ON "UseRestriction"("subjectId");

-- CreateIndex
CREATE INDEX "LawEnforcementDisclosure_disclosedAt_idx" ON "LawEnforcementDisclosure"("disclosedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Request_reference_key" ON "Request"("reference");

-- CreateIndex
CREATE INDEX "Request_subjectId_receivedAt_idx" ON "Request"("subjectId", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "Request_status_dueAt_idx" ON "Request"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Request_assigneeId_idx" ON "Request"("assigneeId");

-- CreateIndex
CREATE UNIQUE INDEX "Request_filedById_idempotencyKey_key" ON "Request"("filedById", "idempotencyKey");

-- CreateIndex
CREATE INDEX "RequestEvent_requestId_at_idx" ON "RequestEvent"("requestId", "at");

-- CreateIndex
CREATE INDEX "ClockEvent_requestId_at_idx" ON "ClockEvent"("requestId", "at");

-- CreateIndex
CREATE INDEX "Extension_requestId_idx" ON "Extension"("requestId");

-- CreateIndex
CREATE INDEX "IdentityDocument_requestId_idx" ON "IdentityDocument"("requestId");

-- CreateIndex
CREATE INDEX "VerificationDecision_requestId_idx" ON "VerificationDecision"("requestId");

-- CreateIndex
CREATE INDEX "Message_requestId_createdAt_idx" ON "Message"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "MessageAttachment_messageId_idx" ON "MessageAttachment"("messageId");

-- CreateIndex
CREATE INDEX "FulfilmentTask_status_idx" ON "FulfilmentTask"("status");

-- CreateIndex
CREATE UNIQUE INDEX "FulfilmentTask_requestId_systemId_action_key" ON "FulfilmentTask"("requestId", "systemId", "action");

-- CreateIndex
CREATE INDEX "Approval_requestId_idx" ON "Approval"("requestId");

-- CreateIndex
CREATE INDEX "Approval_decision_idx" ON "Approval"("decision");

-- CreateIndex
CREATE INDEX "ResponsePackage_requestId_idx" ON "ResponsePackage"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "RecipientNotice_requestId_recipientId_kind_key" ON "RecipientNotice"("requestId", "recipientId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "DeadlinePolicy_jurisdiction_requestType_key" ON "DeadlinePolicy"("jurisdiction", "requestType");

-- CreateIndex
CREATE UNIQUE INDEX "MessageTemplate_key_locale_key" ON "MessageTemplate"("key", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_requestId_idx" ON "AuditEvent"("requestId");

-- CreateIndex
CREATE INDEX "DevMail_to_createdAt_idx" ON "DevMail"("to", "createdAt");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subject" ADD CONSTRAINT "Subject_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubjectExternalId" ADD CONSTRAINT "SubjectExternalId_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubjectExternalId" ADD CONSTRAINT "SubjectExternalId_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "DataSystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SystemCategoryPurpose" ADD CONSTRAINT "SystemCategoryPurpose_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "DataSystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SystemCategoryPurpose" ADD CONSTRAINT "SystemCategoryPurpose_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "DataCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SystemCategoryPurpose" ADD CONSTRAINT "SystemCategoryPurpose_purposeId_fkey" FOREIGN KEY ("purposeId") REFERENCES "Purpose"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonalDataItem" ADD CONSTRAINT "PersonalDataItem_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonalDataItem" ADD CONSTRAINT "PersonalDataItem_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "DataSystem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonalDataItem" ADD CONSTRAINT "PersonalDataItem_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "DataCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvisionRecord" ADD CONSTRAINT "ProvisionRecord_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvisionRecord" ADD CONSTRAINT "ProvisionRecord_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Recipient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvisionRecord" ADD CONSTRAINT "ProvisionRecord_purposeId_fkey" FOREIGN KEY ("purposeId") REFERENCES "Purpose"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvisionRecord" ADD CONSTRAINT "ProvisionRecord_sceneId_fkey" FOREIGN KEY ("sceneId") REFERENCES "Scene"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvisionRecord" ADD CONSTRAINT "ProvisionRecord_sourceSystemId_fkey" FOREIGN KEY ("sourceSystemId") REFERENCES "DataSystem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvisionRecord" ADD CONSTRAINT "ProvisionRecord_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "Consent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Recipient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_purposeId_fkey" FOREIGN KEY ("purposeId") REFERENCES "Purpose"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseRestriction" ADD CONSTRAINT "UseRestriction_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseRestriction" ADD CONSTRAINT "UseRestriction_purposeId_fkey" FOREIGN KEY ("purposeId") REFERENCES "Purpose"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseRestriction" ADD CONSTRAINT "UseRestriction_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Recipient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseRestriction" ADD CONSTRAINT "UseRestriction_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LawEnforcementDisclosure" ADD CONSTRAINT "LawEnforcementDisclosure_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LawEnforcementDisclosure" ADD CONSTRAINT "LawEnforcementDisclosure_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_filedById_fkey" FOREIGN KEY ("filedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClockEvent" ADD CONSTRAINT "ClockEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityDocument" ADD CONSTRAINT "IdentityDocument_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationDecision" ADD CONSTRAINT "VerificationDecision_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationDecision" ADD CONSTRAINT "VerificationDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageAttachment" ADD CONSTRAINT "MessageAttachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FulfilmentTask" ADD CONSTRAINT "FulfilmentTask_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FulfilmentTask" ADD CONSTRAINT "FulfilmentTask_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "DataSystem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FulfilmentTask" ADD CONSTRAINT "FulfilmentTask_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponsePackage" ADD CONSTRAINT "ResponsePackage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecipientNotice" ADD CONSTRAINT "RecipientNotice_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecipientNotice" ADD CONSTRAINT "RecipientNotice_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Recipient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
