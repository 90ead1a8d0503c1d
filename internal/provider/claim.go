package provider

import "fmt"

// claim finds the resource a create collided with (by name, through find) and checks that
// its owner tag names this resource. It returns the resource's id (the runtime id or the
// project ARN), its ARN and its live tags, or why it may not be adopted.
func (o owner) claim(kind, name string, conflict error, find func() (id, arn string, err error),
	listTags func(arn string) (map[string]string, error)) (id, arn string, tags map[string]string, err error) {
	id, arn, err = find()
	switch {
	case err != nil:
		return "", "", nil, fmt.Errorf("%w; then %w", conflict, err)
	case id == "":
		return "", "", nil, fmt.Errorf("%w, yet no %s of that name is listed", conflict, kind)
	}
	if tags, err = listTags(arn); err != nil {
		return "", "", nil, err
	}
	if tags[OwnerTagKey] != o.tag() {
		return "", "", nil, o.notOurs(kind, name, id, tags[OwnerTagKey])
	}
	return id, arn, tags, nil
}
