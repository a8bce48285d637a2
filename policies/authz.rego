# Authorization of control-plane API calls; deny by default.
#
# input:
#   principal: {platform_admin: bool, role: "owner"|"admin"|"editor"|"viewer"|null}
#              (role is the caller's role in input.tenant_id, null when not a member)
#   action:    "<resource>.<verb>", e.g. "agents.publish"
#   tenant_id: the tenant the call acts in (null for platform routes)
#   grant_role: the role a call hands out (API keys, memberships), when it hands one out
#   target_role: the role of the key or membership a call changes or removes, when it does
# Rules are functions of the input (tested without `with`, which rego-cpp mishandles for
# multi-definition rules); `allow` and `reason` apply them to the request's input.
package switchboard.authz

import rego.v1

default allow := false

role_rank := {"viewer": 1, "editor": 2, "admin": 3, "owner": 4}

# The least role in the tenant that may perform each tenant action.
tenant_actions := {
	"tenants.read": "viewer",
	"tenants.update": "admin",
	"tenants.delete": "owner",
	"numbers.read": "viewer",
	"numbers.write": "admin",
	"agents.read": "viewer",
	"agents.write": "editor",
	"agents.publish": "editor",
	"secrets.read": "admin",
	"secrets.write": "admin",
	"telephony.read": "admin",
	"telephony.write": "admin",
	"members.read": "admin",
	"members.write": "owner",
	"api_keys.read": "admin",
	"api_keys.write": "admin",
	"audit.read": "admin",
	"calls.read": "viewer",
	"analytics.read": "viewer",
	"usage.read": "viewer",
	"runtime.read": "viewer",
	"runtime.publish": "admin",
	"webhooks.read": "viewer",
	"webhooks.write": "admin",
}

# Actions that only a platform admin may perform.
platform_actions := {
	"tenants.create",
	"tenants.suspend",
	"tenants.activate",
	"tenants.limits.write",
	"tenants.plan.write",
	"plans.read",
	"plans.write",
	"platform.api_keys.read",
	"platform.api_keys.write",
	"platform.members.read",
	"platform.members.write",
	"platform.audit.read",
}

# Actions any authenticated caller may perform (results are filtered to their tenants).
open_actions := {"tenants.list", "me.read"}

allow if allowed(input)

reason := denial_reason(input)

allowed(inp) if inp.principal.platform_admin

allowed(inp) if open_actions[inp.action]

allowed(inp) if {
	needed := tenant_actions[inp.action]
	is_string(inp.tenant_id)
	role := inp.principal.role
	role_rank[role] >= role_rank[needed]
	not escalates(inp)
	not outranked(inp)
}

# Handing out a role above one's own (or an unknown role) is never allowed to a tenant member.
escalates(inp) if {
	inp.grant_role
	not role_rank[inp.grant_role]
}

escalates(inp) if {
	role_rank[inp.grant_role] > role_rank[inp.principal.role]
}

# A member acts only on keys and memberships of an equal or lower role (an admin cannot revoke
# an owner's key); an unknown target role counts as higher.
outranked(inp) if {
	inp.target_role
	not role_rank[inp.target_role]
}

outranked(inp) if {
	role_rank[inp.target_role] > role_rank[inp.principal.role]
}

# Why a call was denied, for the error message.
denial_reason(inp) := "platform_only" if {
	platform_actions[inp.action]
	not inp.principal.platform_admin
} else := "escalation" if {
	escalates(inp)
} else := "outranked" if {
	outranked(inp)
} else := "insufficient_role"
