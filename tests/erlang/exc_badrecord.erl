-module(exc_badrecord).
-export([main/0, id/1]).

-record(user, {name, age}).
-record(group, {members = []}).

id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    U = id(#user{name = "u", age = 3}),
    G = id(#group{}),
    erlang:display(t(fun() -> G#user.name end)),
    erlang:display(t(fun() -> U#group.members end)),
    erlang:display(t(fun() -> G#user{age = 4} end)),
    erlang:display(t(fun() -> (id({user, a}))#user.name end)),
    erlang:display(t(fun() -> (id(atom))#user.age end)),
    erlang:display(t(fun() -> (id({user, a, b, c}))#user{name = x} end)),
    erlang:display(t(fun() -> U#user.age end)),
    erlang:display(t(fun() -> U#user{age = 5} end)),
    erlang:display(t(fun() -> #user{name = N} = G, N end)),
    ok.
