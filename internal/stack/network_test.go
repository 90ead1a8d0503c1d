package stack_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/components/network"
	"github.com/bidopsai/bidopsai-infra/internal/inventory"
	"github.com/bidopsai/bidopsai-infra/internal/plan"
	"github.com/bidopsai/bidopsai-infra/internal/policy"
)

// planWithNetwork plans a committed stack with some bidopsai:network fields replaced.
func planWithNetwork(t *testing.T, env string, fields map[string]any) *inventory.Inventory {
	t.Helper()
	p, sc := stackFile(t, env)
	net := map[string]any{}
	if err := json.Unmarshal([]byte(sc.Values["bidopsai:network"]), &net); err != nil {
		t.Fatal(err)
	}
	for k, v := range fields {
		net[k] = v
	}
	b, _ := json.Marshal(net) // a map of JSON values always marshals
	sc.Values["bidopsai:network"] = string(b)
	res, err := plan.Run(plan.Options{Project: p.Name, Stack: env, Config: sc.Values, SecretKeys: sc.SecretKeys})
	if err != nil {
		t.Fatal(err)
	}
	return res.Inventory
}

func TestProdRunsItsAgentsOnAPrivateNetwork(t *testing.T) {
	inv := planStack(t, "prod").Inventory
	// Subnet and group ids are the mock's; a runtime's dependencies name the resources they came from.
	var private []string
	group := ""
	for _, r := range inv.Resources {
		switch {
		case r.Type == "aws:ec2/subnet:Subnet" && strings.Contains(r.Name, "-private-"):
			private = append(private, r.URN)
		case r.Type == "aws:ec2/securityGroup:SecurityGroup" && strings.HasSuffix(r.Name, "-runtimes"):
			group = r.URN
		}
	}
	if len(private) != 3 || group == "" {
		t.Fatalf("%d private subnets and runtimes group %q; want one subnet in each of prod's 3 zones", len(private), group)
	}
	for _, rt := range byType(inv, "bidopsai:index:AgentRuntime") {
		if rt.Inputs["networkMode"] != "VPC" {
			t.Fatalf("%s: networkMode %v", rt.Name, rt.Inputs["networkMode"])
		}
		subnets, _ := rt.Inputs["subnetIds"].([]any)
		groups, _ := rt.Inputs["securityGroupIds"].([]any)
		if len(subnets) != 3 || len(groups) != 1 || !strings.HasPrefix(fmt.Sprint(subnets[0]), "subnet-") {
			t.Errorf("%s: subnets %v, security groups %v", rt.Name, subnets, groups)
		}
		for _, d := range append(private, group) {
			if !slices.Contains(rt.Dependencies, d) {
				t.Errorf("%s does not run in %s", rt.Name, d)
			}
		}
	}
	services := map[string]int{}
	for _, e := range byType(inv, "aws:ec2/vpcEndpoint:VpcEndpoint") {
		name, _ := e.Inputs["serviceName"].(string)
		in, _ := e.Inputs["subnetIds"].([]any)
		services[strings.TrimPrefix(name, "com.amazonaws.us-east-1.")] = len(in)
	}
	for _, s := range network.InterfaceServices() {
		if services[s] != 3 {
			t.Errorf("endpoint %s in %d subnets, want 3", s, services[s])
		}
	}
	if len(byType(inv, "aws:ec2/flowLog:FlowLog")) != 1 {
		t.Error("prod has no VPC flow log")
	}
	checks := policy.Check(inv, "prod")
	for _, v := range checks.Violations {
		if v.Level == policy.LevelMandatory {
			t.Errorf("mandatory finding %s on %s: %s", v.Rule, v.URN, v.Message)
		}
		if v.Rule == "SR-AC-10" || strings.HasPrefix(v.Rule, "SR-NET-") {
			t.Errorf("network finding %s on %s: %s", v.Rule, v.URN, v.Message)
		}
	}
}

// natPath is what egress NAT adds for a stack whose private zones are zones and whose NAT
// gateways sit in natZones: nothing else may differ between NAT and NONE.
func natPath(prefix string, zones, natZones []string) []string {
	out := []string{
		"aws:ec2/internetGateway:InternetGateway::" + prefix + "-igw",
		"aws:ec2/routeTable:RouteTable::" + prefix + "-public",
		"aws:ec2/route:Route::" + prefix + "-public-internet",
		"aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule::" + prefix + "-runtimes-to-internet",
	}
	for _, z := range zones {
		out = append(out, "aws:ec2/route:Route::"+prefix+"-private-"+z+"-internet")
	}
	for _, z := range natZones {
		out = append(out, "aws:ec2/subnet:Subnet::"+prefix+"-public-"+z,
			"aws:ec2/routeTableAssociation:RouteTableAssociation::"+prefix+"-public-"+z,
			"aws:ec2/eip:Eip::"+prefix+"-nat-"+z, "aws:ec2/natGateway:NatGateway::"+prefix+"-nat-"+z)
	}
	slices.Sort(out)
	return out
}

func TestEgressSwitchAddsOrRemovesExactlyTheNATPath(t *testing.T) {
	for _, c := range []struct {
		env             string
		zones, natZones []string
	}{
		{"prod", []string{"use1-az1", "use1-az2", "use1-az4"}, []string{"use1-az1", "use1-az2", "use1-az4"}},
		{"staging", []string{"use1-az1", "use1-az2"}, []string{"use1-az1"}},
	} {
		t.Run(c.env, func(t *testing.T) {
			withNAT := planWithNetwork(t, c.env, map[string]any{"egress": "NAT"})
			without := planWithNetwork(t, c.env, map[string]any{"egress": "NONE"})
			none := map[string]inventory.Resource{}
			for _, r := range without.Resources {
				none[r.URN] = r
			}
			var added []string
			for _, r := range withNAT.Resources {
				other, ok := none[r.URN]
				if !ok {
					added = append(added, r.Type+"::"+r.Name)
					continue
				}
				delete(none, r.URN)
				if !reflect.DeepEqual(r.Inputs, other.Inputs) || !slices.Equal(r.Dependencies, other.Dependencies) ||
					r.Parent != other.Parent || r.Protect != other.Protect {
					t.Errorf("%s differs between NAT and NONE", r.URN)
				}
			}
			slices.Sort(added)
			if want := natPath("bidopsai-"+c.env, c.zones, c.natZones); !slices.Equal(added, want) {
				t.Errorf("NAT adds\n  %s\nwant exactly\n  %s", strings.Join(added, "\n  "), strings.Join(want, "\n  "))
			}
			if len(none) != 0 {
				t.Errorf("NONE has resources NAT lacks: %v", fmt.Sprint(none))
			}
			for _, r := range byType(without, "aws:ec2/route:Route") {
				t.Errorf("egress NONE still routes %v", r.Inputs["destinationCidrBlock"])
			}
		})
	}
}
