-module(exc_badkey_badmap).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    M = id(#{a => 1, "b" => 2}),
    erlang:display(t(fun() -> M#{c := 3} end)),
    erlang:display(t(fun() -> M#{a := 10, z := 0} end)),
    erlang:display(t(fun() -> maps:get(zz, M) end)),
    erlang:display(t(fun() -> maps:update(q, 1, M) end)),
    erlang:display(t(fun() -> map_get({k}, M) end)),
    erlang:display(t(fun() -> maps:get(a, M) end)),
    erlang:display(t(fun() -> (id(not_map))#{a := 1} end)),
    erlang:display(t(fun() -> (id([1]))#{a => 1} end)),
    erlang:display(t(fun() -> maps:put(a, 1, id(x)) end)),
    erlang:display(t(fun() -> maps:keys(id({})) end)),
    erlang:display(t(fun() -> map_size(id(<<>>)) end)),
    erlang:display(t(fun() -> maps:merge(M, id(nope)) end)),
    erlang:display(t(fun() -> maps:fold(fun(_, _, A) -> A end, 0, id(3)) end)),
    erlang:display(t(fun() -> maps:update_with(missing, fun(V) -> V end, M) end)),
    erlang:display(t(fun() -> maps:find(a, id(list)) end)),
    erlang:display(t(fun() -> is_map_key(a, id(list)) end)),
    Big = maps:from_list([{I, I} || I <- lists:seq(1, 100)]),
    erlang:display(t(fun() -> Big#{1000 := x} end)),
    erlang:display(t(fun() -> maps:get(0, Big) end)),
    erlang:display(t(fun() -> #{1 := One} = Big, One end)),
    ok.
