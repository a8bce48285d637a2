# Tests of the authorization policy (run by pytest through regopy).
package switchboard.authz_test

import rego.v1

member(role, action) := {"principal": {"platform_admin": false, "role": role}, "action": action, "tenant_id": "tnt_a"}

test_platform_admin_may_do_anything if {
	data.switchboard.authz.allowed({"principal": {"platform_admin": true, "role": null}, "action": "tenants.create"})
}

test_unknown_action_is_denied if {
	not data.switchboard.authz.allowed(member("owner", "tenants.explode"))
}

test_non_member_is_denied if {
	not data.switchboard.authz.allowed(member(null, "agents.read"))
}

test_viewer_reads_but_cannot_write if {
	data.switchboard.authz.allowed(member("viewer", "agents.read"))
	not data.switchboard.authz.allowed(member("viewer", "agents.write"))
}

test_editor_publishes_agents_but_not_secrets if {
	data.switchboard.authz.allowed(member("editor", "agents.publish"))
	not data.switchboard.authz.allowed(member("editor", "secrets.write"))
}

test_admin_manages_keys_but_not_members if {
	data.switchboard.authz.allowed(member("admin", "api_keys.write"))
	not data.switchboard.authz.allowed(member("admin", "members.write"))
}

test_owner_deletes_tenant_but_cannot_suspend_it if {
	data.switchboard.authz.allowed(member("owner", "tenants.delete"))
	not data.switchboard.authz.allowed(member("owner", "tenants.suspend"))
}

test_tenant_creation_is_platform_only if {
	not data.switchboard.authz.allowed(member("owner", "tenants.create"))
	data.switchboard.authz.denial_reason(member("owner", "tenants.create")) == "platform_only"
}

test_admin_cannot_grant_owner if {
	not data.switchboard.authz.allowed(object.union(member("admin", "api_keys.write"), {"grant_role": "owner"}))
	data.switchboard.authz.allowed(object.union(member("admin", "api_keys.write"), {"grant_role": "editor"}))
}

test_unknown_granted_role_is_denied if {
	not data.switchboard.authz.allowed(object.union(member("owner", "members.write"), {"grant_role": "platform_admin"}))
}

test_action_without_tenant_is_denied_for_members if {
	not data.switchboard.authz.allowed({"principal": {"platform_admin": false, "role": "owner"}, "action": "agents.read", "tenant_id": null})
}

test_any_caller_may_list_tenants if {
	data.switchboard.authz.allowed(member(null, "tenants.list"))
}

test_limits_are_platform_only if {
	not data.switchboard.authz.allowed(member("owner", "tenants.limits.write"))
	not data.switchboard.authz.allowed(member("admin", "tenants.limits.write"))
	data.switchboard.authz.denial_reason(member("admin", "tenants.limits.write")) == "platform_only"
	data.switchboard.authz.allowed({"principal": {"platform_admin": true, "role": null}, "action": "tenants.limits.write", "tenant_id": "tnt_a"})
	data.switchboard.authz.allowed(member("viewer", "tenants.read"))
}

test_admin_cannot_act_on_an_owners_key_or_membership if {
	not data.switchboard.authz.allowed(object.union(member("admin", "api_keys.write"), {"target_role": "owner"}))
	data.switchboard.authz.denial_reason(object.union(member("admin", "api_keys.write"), {"target_role": "owner"})) == "outranked"
	data.switchboard.authz.allowed(object.union(member("admin", "api_keys.write"), {"target_role": "admin"}))
	data.switchboard.authz.allowed(object.union(member("owner", "members.write"), {"target_role": "owner"}))
}

test_unknown_target_role_is_denied if {
	not data.switchboard.authz.allowed(object.union(member("owner", "api_keys.write"), {"target_role": "platform_admin"}))
}

test_plans_are_platform_only_and_usage_is_read_by_viewers if {
	not data.switchboard.authz.allowed(member("owner", "plans.write"))
	not data.switchboard.authz.allowed(member("owner", "plans.read"))
	not data.switchboard.authz.allowed(member("owner", "tenants.plan.write"))
	data.switchboard.authz.denial_reason(member("owner", "tenants.plan.write")) == "platform_only"
	data.switchboard.authz.allowed({"principal": {"platform_admin": true, "role": null}, "action": "plans.write", "tenant_id": null})
	data.switchboard.authz.allowed(member("viewer", "usage.read"))
	not data.switchboard.authz.allowed(member(null, "usage.read"))
}
