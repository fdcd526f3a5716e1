-module(exc_system_limit).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    erlang:display(t(fun() -> list_to_atom(lists:duplicate(id(256), $x)) end)),
    erlang:display(t(fun() -> length(atom_to_list(list_to_atom(lists:duplicate(id(255), $x)))) end)),
    erlang:display(t(fun() -> binary_to_atom(binary:copy(<<"y">>, id(300))) end)),
    erlang:display(t(fun() -> list_to_atom(lists:duplicate(id(255), 16#1F600)) end) =:= {ok, list_to_atom(lists:duplicate(255, 16#1F600))}),
    erlang:display(t(fun() -> list_to_atom(lists:duplicate(id(256), 16#1F600)) end)),
    erlang:display(t(fun() -> erlang:make_tuple(id(1 bsl 30), x) end)),
    erlang:display(t(fun() -> id(1) bsl (1 bsl 40) end)),
    erlang:display(t(fun() -> <<0:(id(1 bsl 62))>> end)),
    ok.
