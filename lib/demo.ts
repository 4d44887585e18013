// The demo organisation's accounts (prisma/seed), named on the landing page in demo mode.
export const DEMO_ACCOUNTS =
  "hanako.sato@example.jp, ichiro.suzuki@example.jp, staff@example.jp, manager@example.jp, manager2@example.jp, admin@example.jp";
