module github.com/bidopsai/bidopsai-infra/agents/sample

go 1.26
