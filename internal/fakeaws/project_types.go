package fakeaws

import "time"

// ProjectSpec is the configuration part of a Data Automation project, in the service's JSON shape.
type ProjectSpec struct {
	ProjectDescription          *string         `json:"projectDescription,omitempty"`
	ProjectStage                string          `json:"projectStage,omitempty"`
	StandardOutputConfiguration *StandardOutput `json:"standardOutputConfiguration,omitempty"`
	OverrideConfiguration       *Override       `json:"overrideConfiguration,omitempty"`
	EncryptionConfiguration     *Encryption     `json:"encryptionConfiguration,omitempty"`
}

// StandardOutput is standardOutputConfiguration (only documents are modelled).
type StandardOutput struct {
	Document *DocumentOutput `json:"document,omitempty"`
}

// DocumentOutput is standardOutputConfiguration.document.
type DocumentOutput struct {
	Extraction      *Extraction   `json:"extraction,omitempty"`
	GenerativeField *StateField   `json:"generativeField,omitempty"`
	OutputFormat    *OutputFormat `json:"outputFormat,omitempty"`
}

// Extraction is document.extraction.
type Extraction struct {
	Granularity *TypeList   `json:"granularity,omitempty"`
	BoundingBox *StateField `json:"boundingBox,omitempty"`
}

// TypeList is a {"types": [...]} object.
type TypeList struct {
	Types []string `json:"types"`
}

// StateField is a {"state": "ENABLED" | "DISABLED"} object.
type StateField struct {
	State string `json:"state"`
}

// OutputFormat is document.outputFormat.
type OutputFormat struct {
	TextFormat           *TypeList   `json:"textFormat,omitempty"`
	AdditionalFileFormat *StateField `json:"additionalFileFormat,omitempty"`
}

// Override is overrideConfiguration (only the document splitter is modelled).
type Override struct {
	Document *DocumentOverride `json:"document,omitempty"`
}

// DocumentOverride is overrideConfiguration.document.
type DocumentOverride struct {
	Splitter *StateField `json:"splitter,omitempty"`
}

// Encryption is encryptionConfiguration.
type Encryption struct {
	KmsKeyID             string            `json:"kmsKeyId"`
	KmsEncryptionContext map[string]string `json:"kmsEncryptionContext,omitempty"`
}

// Project is the fake's record of one Data Automation project.
type Project struct {
	ARN, Name, Status    string
	ClientToken          string
	Spec                 ProjectSpec
	Tags                 map[string]string
	CreatedAt, UpdatedAt time.Time

	pending *pending
}

type tagPair struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

type createProjectRequest struct {
	ProjectSpec
	ProjectName string    `json:"projectName"`
	ClientToken string    `json:"clientToken,omitempty"`
	Tags        []tagPair `json:"tags,omitempty"`
}

type projectReply struct {
	ProjectArn   string `json:"projectArn"`
	ProjectStage string `json:"projectStage,omitempty"`
	Status       string `json:"status"`
}

type projectView struct {
	ProjectArn                  string            `json:"projectArn"`
	ProjectName                 string            `json:"projectName"`
	ProjectStage                string            `json:"projectStage"`
	ProjectDescription          *string           `json:"projectDescription,omitempty"`
	Status                      string            `json:"status"`
	CreationTime                string            `json:"creationTime"`
	LastModifiedTime            string            `json:"lastModifiedTime"`
	StandardOutputConfiguration *StandardOutput   `json:"standardOutputConfiguration,omitempty"`
	OverrideConfiguration       *Override         `json:"overrideConfiguration,omitempty"`
	KmsKeyID                    string            `json:"kmsKeyId,omitempty"`
	KmsEncryptionContext        map[string]string `json:"kmsEncryptionContext,omitempty"`
}

func (p *Project) clone() Project {
	out := *p
	out.pending = nil
	out.Tags = cloneMap(p.Tags)
	return out
}

func (p *Project) view() projectView {
	v := projectView{
		ProjectArn: p.ARN, ProjectName: p.Name, ProjectStage: p.Spec.ProjectStage,
		ProjectDescription: p.Spec.ProjectDescription, Status: p.Status,
		CreationTime: stamp(p.CreatedAt), LastModifiedTime: stamp(p.UpdatedAt),
		StandardOutputConfiguration: p.Spec.StandardOutputConfiguration, OverrideConfiguration: p.Spec.OverrideConfiguration,
	}
	if e := p.Spec.EncryptionConfiguration; e != nil {
		v.KmsKeyID, v.KmsEncryptionContext = e.KmsKeyID, e.KmsEncryptionContext
	}
	return v
}
