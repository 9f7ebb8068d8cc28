-- One PostgreSQL server, one database per service (the embedded stack creates the same).
create role chorus login password 'chorus';
create database chorus_coding owner chorus;
create database chorus_reporting owner chorus;
create database chorus_identity owner chorus;
