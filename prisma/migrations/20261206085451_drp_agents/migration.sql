-- AlterEnum
ALTER TYPE "Channel" ADD VALUE 'DRP';

-- CreateTable
CREATE TABLE "DrpAgent" (
    "id" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "verifyKey" TEXT NOT NULL,
    "identityAssuranceUrl" TEXT,
    "technicalContact" TEXT,
    "registeredById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "DrpAgent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrpToken" (
    "id" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "DrpToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrpRequest" (
    "id" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "exercise" TEXT NOT NULL,
    "regime" TEXT,
    "statusCallback" TEXT,
    "agentRequestId" TEXT,
    "messageHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DrpRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrpSeenMessage" (
    "hash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DrpSeenMessage_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE UNIQUE INDEX "DrpAgent_agentId_key" ON "DrpAgent"("agentId");

-- CreateIndex
CREATE UNIQUE INDEX "DrpToken_tokenHash_key" ON "DrpToken"("tokenHash");

-- CreateIndex
CREATE INDEX "DrpToken_agentId_idx" ON "DrpToken"("agentId");

-- CreateIndex
CREATE UNIQUE INDEX "DrpRequest_requestId_key" ON "DrpRequest"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "DrpRequest_messageHash_key" ON "DrpRequest"("messageHash");

-- CreateIndex
CREATE UNIQUE INDEX "DrpRequest_agentId_agentRequestId_key" ON "DrpRequest"("agentId", "agentRequestId");

-- CreateIndex
CREATE INDEX "DrpSeenMessage_expiresAt_idx" ON "DrpSeenMessage"("expiresAt");

-- AddForeignKey
ALTER TABLE "DrpAgent" ADD CONSTRAINT "DrpAgent_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrpToken" ADD CONSTRAINT "DrpToken_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "DrpAgent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrpRequest" ADD CONSTRAINT "DrpRequest_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "DrpAgent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrpRequest" ADD CONSTRAINT "DrpRequest_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
