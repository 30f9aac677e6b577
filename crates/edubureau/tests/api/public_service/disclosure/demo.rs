//! The demo district's notices and disclosure: some receipts unread, fees
//! at every institution in operation, the catalogue, one overdue request.

use platform::db::Sql;

use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    the_demo_fills_notices_and_disclosure,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let n = |q: &'static str| {
            let db = app.db.clone();
            async move { db.scalar(Sql::new(q)).await.unwrap() }
        };
        assert_eq!(
            n("SELECT COUNT(*) FROM public_notices WHERE sender_section = 'office'").await,
            8
        );
        let receipts = n("SELECT COUNT(*) FROM public_notice_receipts").await;
        let unread = n("SELECT COUNT(*) FROM public_notice_receipts WHERE read_at IS NULL").await;
        assert!(unread > 0 && unread < receipts, "{unread} of {receipts}");
        assert!(
            n("SELECT COUNT(*) FROM public_notices WHERE sender_institution_id IS NOT NULL").await
                >= 2
        );
        assert_eq!(
            n(
                "SELECT COUNT(*) FROM institutions i WHERE i.status = 'active' AND NOT EXISTS \
           (SELECT 1 FROM public_fee_items f WHERE f.institution_id = i.id)"
            )
            .await,
            0,
            "every institution in operation publishes its fees"
        );
        assert!(n("SELECT COUNT(*) FROM public_catalogue").await >= 5);
        let today = platform::time::today();
        let overdue = app
        .db
        .scalar(
            Sql::new("SELECT COUNT(*) FROM public_disclosure_requests WHERE replied_on IS NULL AND due_on < ")
                .bind(today),
        )
        .await
        .unwrap();
        assert_eq!(overdue, 1);
        assert_eq!(
            n("SELECT COUNT(*) FROM public_time_limits").await,
            0,
            "defaults live in the code"
        );
    }
);
