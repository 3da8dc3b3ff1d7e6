import pg from 'pg';

/** The PostgreSQL the tests use (.ci/run starts it when it is down). */
export const PG_ADMIN_URL =
  process.env.BABELWIRE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh database for one test, and a function that drops it. Each test run makes its own,
 * so runs never see each other's data and nothing is left behind.
 */
export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `babelwire_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
