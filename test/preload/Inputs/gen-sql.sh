#!/bin/sh
# Writes the SQL script of the preload test: tables, indexes, joins,
# aggregates, strings and a recursive query; deterministic results.
cat <<'SQL'
create table item(id integer primary key, name text, grp int, val real);
with recursive c(x) as (select 1 union all select x + 1 from c where x < 30000)
insert into item select x, printf('item-%05d-%s', x, substr('abcdefghijklmnop', 1 + x % 16)),
  x % 97, (x * 7919) % 1000 / 10.0 from c;
create index item_name on item(name);
create table grp(id integer primary key, label text);
insert into grp select distinct grp, 'group ' || grp from item;
select count(*), sum(val), min(name), max(name) from item;
select g.label, count(*), round(avg(i.val), 3) from item i join grp g on g.id = i.grp
  group by g.id order by count(*) desc, g.id limit 5;
update item set name = upper(name) || '!' where id % 3 = 0;
delete from item where id % 5 = 0;
select count(*), group_concat(id) from (select id from item where name like 'ITEM-0001%' order by id);
select length(group_concat(name, ',')) from item;
with recursive fib(a, b, n) as (select 0, 1, 0 union all select b, a + b, n + 1 from fib where n < 80)
select max(a) from fib;
SQL
