package network

import (
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/cloudwatch"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/iam"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/policydoc"
	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// flowLogsService is the principal VPC Flow Logs publishes to CloudWatch Logs as.
const flowLogsService = "vpc-flow-logs.amazonaws.com"

// flowLogActions are what Flow Logs does in its log group (VPC user guide, "IAM role for
// publishing flow logs to CloudWatch Logs"); DescribeLogGroups lists, so it gets the group
// pattern of the account and region instead of one group.
var flowLogActions = []string{"logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"}

// buildFlowLogs sends every accepted and rejected flow of the VPC to a log group kept as long
// as the stack's logs, encrypted with the stack key when there is one.
func (b *builder) buildFlowLogs() (pulumi.StringOutput, error) {
	a := b.args
	group, err := cloudwatch.NewLogGroup(b.ctx, b.name+"-flow-logs", &cloudwatch.LogGroupArgs{
		Name: pulumi.String(a.FlowLogGroupName), RetentionInDays: pulumi.Int(a.FlowLogRetentionDays),
		KmsKeyId: a.KMSKeyArn, Tags: b.tags,
	}, b.parent, tier.Stateful(a.Protect))
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	trust, err := policydoc.New(policydoc.Allow("FlowLogs", []string{"sts:AssumeRole"}, nil).
		For(policydoc.Service(flowLogsService)).
		With("StringEquals", "aws:SourceAccount", a.AccountID).
		With("ArnLike", "aws:SourceArn", fmt.Sprintf("arn:aws:ec2:%s:%s:vpc-flow-log/*", a.Region, a.AccountID))).JSON()
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	role, err := iam.NewRole(b.ctx, b.name+"-flow-logs-delivery", &iam.RoleArgs{
		Description:      pulumi.String("VPC Flow Logs writes the VPC's flow records to its log group"),
		AssumeRolePolicy: pulumi.String(trust), Tags: b.tags,
	}, b.parent)
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	region, account := a.Region, a.AccountID
	doc := group.Arn.ApplyT(func(arn string) (string, error) {
		return policydoc.New(
			policydoc.Allow("WriteFlowLogs", flowLogActions, []string{arn, arn + ":log-stream:*"}),
			policydoc.Allow("FindGroup", []string{"logs:DescribeLogGroups"},
				[]string{fmt.Sprintf("arn:aws:logs:%s:%s:log-group:*", region, account)}),
		).JSON()
	}).(pulumi.StringOutput)
	pol, err := iam.NewPolicy(b.ctx, b.name+"-flow-logs-delivery-policy", &iam.PolicyArgs{
		Description: pulumi.String("Write the VPC flow logs of " + b.name), Policy: doc, Tags: b.tags,
	}, b.parent)
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	if _, err := iam.NewRolePolicyAttachment(b.ctx, b.name+"-flow-logs-delivery", &iam.RolePolicyAttachmentArgs{
		Role: role.Name, PolicyArn: pol.Arn,
	}, b.parent); err != nil {
		return pulumi.StringOutput{}, err
	}
	_, err = ec2.NewFlowLog(b.ctx, b.name+"-flow-logs-vpc", &ec2.FlowLogArgs{
		VpcId: b.vpc.ID(), TrafficType: pulumi.String("ALL"),
		LogDestinationType: pulumi.String("cloud-watch-logs"), LogDestination: group.Arn,
		IamRoleArn: role.Arn, Tags: b.named(b.name + "-flow-logs"),
	}, b.parent)
	return group.Name, err
}
