-- CreateTable
CREATE TABLE "SupervisoryAuthority" (
    "key" TEXT NOT NULL,
    "jurisdiction" "Jurisdiction" NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "contactJa" TEXT NOT NULL DEFAULT '',
    "contactEn" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupervisoryAuthority_pkey" PRIMARY KEY ("key")
);

-- The authorities a person may complain to (APPI: 個人情報保護委員会; GDPR Art.77: the authority of
-- the member state of residence; UK GDPR: the ICO; CCPA: the CPPA; PIPA: the PIPC; LGPD: the ANPD).
INSERT INTO "SupervisoryAuthority" ("key", "jurisdiction", "nameJa", "nameEn", "contactJa", "contactEn", "url", "updatedAt") VALUES
('JP', 'JP', '個人情報保護委員会', 'Personal Information Protection Commission (PPC), Japan', '個人情報保護法相談ダイヤル 03-6457-9849', 'PPC helpline (Japanese) +81-3-6457-9849', 'https://www.ppc.go.jp/', now()),
('UK', 'UK', '英国情報コミッショナー事務局（ICO）', 'Information Commissioner''s Office (ICO)', '電話 +44 303 123 1113', 'Helpline 0303 123 1113', 'https://ico.org.uk/make-a-complaint/', now()),
('US_CA', 'US_CA', 'カリフォルニア州プライバシー保護局（CPPA）', 'California Privacy Protection Agency (CPPA)', '', '', 'https://cppa.ca.gov/', now()),
('KR', 'KR', '韓国個人情報保護委員会（PIPC）', 'Personal Information Protection Commission (PIPC), Korea', '個人情報侵害申告センター 電話 118', 'Privacy infringement report centre, call 118', 'https://www.pipc.go.kr/', now()),
('BR', 'BR', 'ブラジル国家データ保護機関（ANPD）', 'Autoridade Nacional de Proteção de Dados (ANPD), Brazil', '', '', 'https://www.gov.br/anpd/', now()),
('EU', 'EU', 'お住まいのEU/EEA加盟国のデータ保護監督機関', 'The data protection authority of the EU/EEA member state where you live', '各国の監督機関の一覧は欧州データ保護会議（EDPB）のサイトにあります', 'The European Data Protection Board lists every member state''s authority', 'https://www.edpb.europa.eu/about-edpb/about-edpb/members_en', now()),
('EU-FR', 'EU', 'フランス情報処理自由委員会（CNIL）', 'Commission nationale de l''informatique et des libertés (CNIL), France', '', '', 'https://www.cnil.fr/', now()),
('EU-IE', 'EU', 'アイルランドデータ保護委員会（DPC）', 'Data Protection Commission (DPC), Ireland', '', '', 'https://www.dataprotection.ie/', now()),
('EU-NL', 'EU', 'オランダ個人データ庁（AP）', 'Autoriteit Persoonsgegevens (AP), Netherlands', '', '', 'https://www.autoriteitpersoonsgegevens.nl/', now()),
('EU-ES', 'EU', 'スペインデータ保護庁（AEPD）', 'Agencia Española de Protección de Datos (AEPD), Spain', '', '', 'https://www.aepd.es/', now()),
('EU-IT', 'EU', 'イタリア個人データ保護機関（Garante）', 'Garante per la protezione dei dati personali, Italy', '', '', 'https://www.garanteprivacy.it/', now()),
('EU-DE', 'EU', 'ドイツ連邦データ保護・情報自由監察官（BfDI）', 'Federal Commissioner for Data Protection and Freedom of Information (BfDI), Germany', '州ごとの監督機関もあります', 'Each German state also has its own authority', 'https://www.bfdi.bund.de/', now());
