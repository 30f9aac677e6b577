use proptest::prelude::*;
use rand::SeedableRng;

use super::*;

const ADMIN: UserId = UserId(1);
const OTHER: UserId = UserId(2);

fn standing(id: UserId, role: Role, active: bool) -> Standing {
    Standing { id, role, active }
}

#[test]
fn role_values_round_trip_and_reject_nonsense() {
    for (value, label) in role_options() {
        let role = parse_role(&value).expect("parses");
        assert_eq!(role_value(role), value);
        assert_eq!(role.label(), label);
    }
    assert_eq!(role_options().len(), 3 + Section::ALL.len());
    assert_eq!(
        parse_role(" section:information "),
        Some(Role::Section(Section::Information))
    );
    for bad in [
        "",
        "section",
        "section:",
        "section:nope",
        "leadership:finance",
        "root",
    ] {
        assert_eq!(parse_role(bad), None, "{bad}");
    }
}

#[test]
fn usernames() {
    for ok in ["ab", "school001", "zhang.san", "li-si_2", &"a".repeat(32)] {
        assert!(check_username(ok).is_ok(), "{ok}");
    }
    for bad in ["a", "", "张三", "has space", "semi;colon", &"a".repeat(33)] {
        let e = check_username(bad).expect_err(bad);
        assert_eq!(e.field, "username");
    }
}

#[test]
fn an_institution_account_needs_a_known_institution() {
    let ok = check_input(
        " 王老师 ",
        "institution",
        InstitutionPick::Found(InstitutionId(7)),
    );
    assert_eq!(
        ok,
        Ok(AccountInput {
            display_name: "王老师".into(),
            role: Role::Institution,
            institution: Some(InstitutionId(7)),
        })
    );
    let blank = check_input("王老师", "institution", InstitutionPick::Blank).expect_err("blank");
    assert_eq!(
        blank,
        vec![FieldError::new("institution", "学校管理员须选择所属机构")]
    );
    let unknown = check_input(
        "王老师",
        "institution",
        InstitutionPick::Unknown("某某小学".into()),
    )
    .expect_err("unknown");
    assert_eq!(unknown[0].field, "institution");
    assert!(unknown[0].message.contains("某某小学"));
    // Other roles carry no institution, whatever was typed.
    let bureau = check_input(
        "李科长",
        "section:finance",
        InstitutionPick::Unknown("x".into()),
    );
    assert_eq!(bureau.expect("valid").institution, None);
    let found = check_input(
        "李科长",
        "inspector",
        InstitutionPick::Found(InstitutionId(7)),
    );
    assert_eq!(found.expect("valid").institution, None);
}

#[test]
fn every_bad_field_is_reported_at_once() {
    let errors = check_input("  ", "nonsense", InstitutionPick::Blank).expect_err("bad");
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["display_name", "role"]);
    let long = "名".repeat(MAX_DISPLAY_NAME + 1);
    let errors = check_input(&long, "leadership", InstitutionPick::Blank).expect_err("long");
    assert_eq!(errors[0].field, "display_name");
    assert!(check_input(
        &"名".repeat(MAX_DISPLAY_NAME),
        "leadership",
        InstitutionPick::Blank
    )
    .is_ok());
    let errors = check_input("", "institution", InstitutionPick::Blank).expect_err("two");
    assert_eq!(errors.len(), 2);
}

#[test]
fn a_new_account_is_checked_whole() {
    let ok = check_new(
        " wang01 ",
        "王老师",
        "inspector",
        InstitutionPick::Blank,
        Some("abcd1234"),
    );
    let ok = ok.expect("valid");
    assert_eq!(
        (ok.username.as_str(), ok.password.as_deref()),
        ("wang01", Some("abcd1234"))
    );
    assert_eq!(ok.input.role, Role::Inspector);
    let generated = check_new(
        "wang01",
        "王老师",
        "inspector",
        InstitutionPick::Blank,
        None,
    );
    assert_eq!(generated.expect("valid").password, None);
    let errors = check_new(
        "王",
        "",
        "institution",
        InstitutionPick::Blank,
        Some("short"),
    )
    .expect_err("all wrong");
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        ["username", "display_name", "institution", "password"]
    );
    let same = check_new(
        "abcd1234",
        "王",
        "inspector",
        InstitutionPick::Blank,
        Some("abcd1234"),
    );
    assert_eq!(same.expect_err("password is the name")[0].field, "password");
}

#[test]
fn only_leadership_grants_or_touches_leadership() {
    let info = Role::Section(Section::Information);
    assert!(may_grant(Role::Leadership, Role::Leadership));
    assert!(!may_grant(info, Role::Leadership));
    assert!(may_grant(info, Role::Institution));
    let leader = standing(OTHER, Role::Leadership, true);
    let school = standing(OTHER, Role::Institution, true);
    assert_eq!(
        check_change(Some(ADMIN), info, None, leader, 1),
        Err(Refusal::LeadershipOnly)
    );
    assert_eq!(
        check_change(Some(ADMIN), info, Some(leader), school, 5),
        Err(Refusal::LeadershipOnly)
    );
    assert_eq!(
        check_change(Some(ADMIN), info, Some(school), leader, 5),
        Err(Refusal::LeadershipOnly)
    );
    assert_eq!(check_change(Some(ADMIN), info, None, school, 0), Ok(()));
    assert_eq!(
        check_change(Some(ADMIN), Role::Leadership, None, leader, 0),
        Ok(())
    );
}

#[test]
fn nobody_disables_their_own_account() {
    for role in [Role::Leadership, Role::Section(Section::Information)] {
        let me = standing(ADMIN, role, true);
        let off = Standing {
            active: false,
            ..me
        };
        assert_eq!(
            check_change(Some(ADMIN), role, Some(me), off, 3),
            Err(Refusal::OwnAccount)
        );
        assert_eq!(
            check_change(Some(OTHER), Role::Leadership, Some(me), off, 3),
            Ok(())
        );
        // Re-enabling or keeping it enabled is fine.
        assert_eq!(check_change(Some(ADMIN), role, Some(off), me, 3), Ok(()));
        assert_eq!(check_change(Some(ADMIN), role, Some(me), me, 3), Ok(()));
    }
}

#[test]
fn the_last_active_leader_stays() {
    let leader = standing(OTHER, Role::Leadership, true);
    let off = Standing {
        active: false,
        ..leader
    };
    let demoted = Standing {
        role: Role::Inspector,
        ..leader
    };
    for after in [off, demoted] {
        assert_eq!(
            check_change(Some(ADMIN), Role::Leadership, Some(leader), after, 0),
            Err(Refusal::LastLeader)
        );
        assert_eq!(
            check_change(Some(ADMIN), Role::Leadership, Some(leader), after, 1),
            Ok(())
        );
    }
    // A leader demoting themself is fine while another leader remains.
    let me = standing(ADMIN, Role::Leadership, true);
    let me_demoted = Standing {
        role: Role::Inspector,
        ..me
    };
    assert_eq!(
        check_change(Some(ADMIN), Role::Leadership, Some(me), me_demoted, 1),
        Ok(())
    );
    assert_eq!(
        check_change(Some(ADMIN), Role::Leadership, Some(me), me_demoted, 0),
        Err(Refusal::LastLeader)
    );
    // A disabled leader was not holding the door.
    let asleep = standing(OTHER, Role::Leadership, false);
    assert_eq!(
        check_change(Some(ADMIN), Role::Leadership, Some(asleep), demoted, 0),
        Ok(())
    );
    assert_eq!(
        check_change(Some(ADMIN), Role::Leadership, Some(leader), leader, 0),
        Ok(())
    );
}

#[test]
fn refusals_speak_chinese_with_their_status() {
    let e: AppError = Refusal::LastLeader.into();
    assert_eq!(e.status(), axum::http::StatusCode::CONFLICT);
    assert!(e.to_string().contains("局领导"));
    let e: AppError = Refusal::OwnAccount.into();
    assert!(e.to_string().contains("自己"));
    let e: AppError = Refusal::LeadershipOnly.into();
    assert_eq!(e.status(), axum::http::StatusCode::FORBIDDEN);
}

proptest! {
    #[test]
    fn temporary_passwords_meet_the_policy(seed in any::<u64>()) {
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
        let p = temporary_password(&mut rng);
        prop_assert_eq!(p.len(), TEMPORARY_PASSWORD_LEN);
        prop_assert!(password::check_policy(&p, "someone").is_ok());
        prop_assert!(p.bytes().all(|b| PASSWORD_CHARS.contains(&b)));
        prop_assert!(!p.contains(['0', 'O', '1', 'l', 'I']));
    }

    #[test]
    fn checking_input_never_panics(name in ".*", role in ".*", typed in ".*") {
        let _ = check_input(&name, &role, InstitutionPick::Unknown(typed));
        let _ = check_username(&name);
    }
}
