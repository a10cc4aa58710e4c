"""The web form for editors (网页编辑): Decap CMS, configured from the content model and the site's content.

- `fields`: one Decap field per front-matter key, labelled as the contract names it (`标题 title`);
- `config`: the collections (cases, brands, districts, venues) and `config.yml`;
- `admin`: the `/admin/` page, its Content-Security-Policy, writing the folder;
- `install`: where the npm packages of `cms/` are, and the commands that install and start them;
- `form`: whether a build carries the form (`cms: true`, or `make edit`), and writing it.

Pure: nothing here imports MkDocs (the plugin calls `form.write_form`) or prints.
"""
