-- Each app node keeps its own Lucene index and reports how far it has read the outbox. Outbox
-- rows every live node is past (or older than the retention period) are pruned; the highest
-- pruned id is kept, so a node whose checkpoint is older knows it must rebuild from the tables.
create table search_node (
    node_id    uuid        primary key,
    checkpoint bigint      not null,
    seen_at    timestamptz not null default now()
);

create table search_outbox_pruned (
    singleton boolean primary key default true check (singleton),
    through   bigint  not null
);
insert into search_outbox_pruned (through) values (0);

create index search_outbox_created_idx on search_outbox (created_at);
