//! The few places where SQLite and PostgreSQL need different SQL, each
//! named for what it does, so that no work area branches on the backend.
//! Everything else is one portable text (see [`super::Sql`]).

use super::{Backend, Db, DbError, Sql, Tx};

fn keyed_temp_table(backend: Backend, name: &str, columns: &str, key: &str) -> String {
    let tail = match backend {
        Backend::Sqlite => " WITHOUT ROWID",
        Backend::Postgres => "",
    };
    format!("CREATE TEMP TABLE {name} ({columns}, PRIMARY KEY ({key})){tail}")
}

fn drop_temp(backend: Backend, name: &str) -> String {
    let schema = match backend {
        Backend::Sqlite => "temp",
        Backend::Postgres => "pg_temp",
    };
    format!("DROP TABLE IF EXISTS {schema}.{name}")
}

impl Tx {
    /// `CREATE TEMP TABLE name (columns, PRIMARY KEY (key))`; on SQLite
    /// `WITHOUT ROWID`, so the rows live in the key's B-tree and a lookup by
    /// key reads one tree instead of two.
    pub async fn create_keyed_temp_table(
        &mut self,
        name: &str,
        columns: &str,
        key: &str,
    ) -> Result<(), DbError> {
        let sql = keyed_temp_table(self.backend(), name, columns, key);
        self.execute_script(&sql).await
    }

    /// Drops a temporary table if it exists, naming it in the session's own
    /// schema so that a permanent table of that name is never touched.
    pub async fn drop_temp_table(&mut self, name: &str) -> Result<(), DbError> {
        let sql = drop_temp(self.backend(), name);
        self.execute_script(&sql).await
    }

    /// Gives the planner statistics of temporary tables just filled, before
    /// queries join them. PostgreSQL's autovacuum never analyses temporary
    /// tables, so without this it guesses their sizes; SQLite plans them by
    /// their indexes, and the ANALYZE would cost more than it saves.
    pub async fn analyze_temp_tables(&mut self, tables: &[&str]) -> Result<(), DbError> {
        match self.backend() {
            Backend::Sqlite => Ok(()),
            Backend::Postgres => {
                self.execute_script(&format!("ANALYZE {}", tables.join(", ")))
                    .await
            }
        }
    }

    /// The first id of `table` past every id handed out so far, locking the
    /// table against other writers until the transaction ends, so that the
    /// ids from there on are the caller's to write explicitly (bulk loads).
    /// Call [`Tx::ids_used_until`] once they are written.
    ///
    /// SQLite: the write transaction already holds the only write lock, and
    /// an `INTEGER PRIMARY KEY` continues after the largest id. PostgreSQL:
    /// plain INSERTs wait for the lock before they draw from the sequence,
    /// and another bulk load takes the same lock first.
    pub async fn first_free_id(&mut self, table: &str) -> Result<i64, DbError> {
        let max = || Sql::new(format!("SELECT COALESCE(MAX(id), 0) + 1 FROM {table}"));
        match self.backend() {
            Backend::Sqlite => self.scalar(max()).await,
            Backend::Postgres => {
                self.execute_script(&format!("LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE"))
                    .await?;
                let first = self.scalar(max()).await?;
                let next = self
                    .scalar(
                        Sql::new("SELECT nextval(pg_get_serial_sequence(")
                            .bind(table)
                            .push(", 'id'))"),
                    )
                    .await?;
                Ok(first.max(next))
            }
        }
    }

    /// Moves `table`'s id sequence past `last`, an id written explicitly
    /// after [`Tx::first_free_id`] (nothing to do on SQLite).
    pub async fn ids_used_until(&mut self, table: &str, last: i64) -> Result<(), DbError> {
        if self.backend() == Backend::Postgres {
            self.scalar(
                Sql::new("SELECT setval(pg_get_serial_sequence(")
                    .bind(table)
                    .push(", 'id'), ")
                    .bind(last)
                    .push(")"),
            )
            .await?;
        }
        Ok(())
    }
}

impl Db {
    /// Refreshes the planner's statistics of `tables`, after a load large
    /// enough to change their make-up. SQLite samples each index
    /// (`analysis_limit`), which takes milliseconds where a full ANALYZE
    /// reads every index; PostgreSQL samples anyway.
    pub async fn refresh_statistics(&self, tables: &[&str]) -> Result<(), DbError> {
        let mut tx = self.begin().await?;
        match tx.backend() {
            Backend::Sqlite => {
                tx.execute_script("PRAGMA analysis_limit = 1000").await?;
                let each: Vec<String> = tables.iter().map(|t| format!("ANALYZE {t}")).collect();
                let analyzed = tx.execute_script(&each.join("; ")).await;
                // The limit belongs to the pooled connection: put it back
                // whether or not ANALYZE went through.
                tx.execute_script("PRAGMA analysis_limit = 0").await?;
                analyzed?;
            }
            Backend::Postgres => {
                tx.execute_script(&format!("ANALYZE {}", tables.join(", ")))
                    .await?
            }
        }
        tx.commit().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_tables_per_backend() {
        assert_eq!(
            keyed_temp_table(Backend::Sqlite, "t", "k BIGINT NOT NULL", "k"),
            "CREATE TEMP TABLE t (k BIGINT NOT NULL, PRIMARY KEY (k)) WITHOUT ROWID"
        );
        assert_eq!(
            keyed_temp_table(Backend::Postgres, "t", "k BIGINT NOT NULL", "k"),
            "CREATE TEMP TABLE t (k BIGINT NOT NULL, PRIMARY KEY (k))"
        );
        assert_eq!(
            drop_temp(Backend::Postgres, "t"),
            "DROP TABLE IF EXISTS pg_temp.t"
        );
        assert_eq!(
            drop_temp(Backend::Sqlite, "t"),
            "DROP TABLE IF EXISTS temp.t"
        );
    }
}
