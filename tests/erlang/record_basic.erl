-module(record_basic).
-export([main/0, id/1]).

-record(person, {name, age = 0, email = undefined :: string() | undefined, tags = []}).
-record(empty, {}).
-record(point, {x = 0 :: integer(), y = 0 :: integer()}).

id(X) -> X.

main() ->
    P = #person{name = "Ann", age = 31},
    erlang:display(P),
    erlang:display(P#person.name),
    erlang:display(P#person.age),
    erlang:display(P#person.email),
    erlang:display(#person{}),
    erlang:display(#empty{}),
    erlang:display(#point{x = 3}),
    erlang:display(is_record(P, person)),
    erlang:display(is_record(id(P), person, 5)),
    erlang:display(is_record(id(P), person, 4)),
    erlang:display(is_record(id(P), point)),
    erlang:display(is_record(id({person, a}), person)),
    erlang:display(record_info(fields, person)),
    erlang:display(record_info(size, person)),
    erlang:display(record_info(fields, empty)),
    erlang:display(#person.age),
    erlang:display(#point.y),
    erlang:display(element(#person.name, P)),
    erlang:display(tuple_to_list(#point{x = 1, y = 2})),
    erlang:display(kind(P)),
    erlang:display(kind(#point{})),
    erlang:display(kind(#empty{})),
    erlang:display(kind({other})),
    erlang:display([N || #person{name = N} <- [P, #point{}, #person{name = "Bob"}]]),
    erlang:display(lists:keysort(#person.age, [#person{name = "z", age = 9}, P, #person{name = "y", age = 1}])),
    erlang:display(lists:keyfind("Ann", #person.name, [#point{}, P])),
    ok.

kind(#person{age = A}) when A > 30 -> senior_person;
kind(#person{}) -> person;
kind(#point{x = 0, y = 0}) -> origin;
kind(#empty{}) -> empty;
kind(_) -> unknown.
