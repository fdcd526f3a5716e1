-module(fun_display).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    X = id(42),
    Local0 = fun() -> ok end,
    Local1 = fun(A) -> A + X end,
    Local2 = fun(A, B) -> {A, B, X} end,
    Named = fun Fact(0) -> 1; Fact(N) -> N * Fact(N - 1) end,
    erlang:display(Local0),
    erlang:display(Local1),
    erlang:display(Local2),
    erlang:display(Named),
    erlang:display(fun lists:map/2),
    erlang:display(fun erlang:'=:='/2),
    erlang:display(fun ?MODULE:id/1),
    erlang:display(fun id/1),
    erlang:display(fun 'weird module':'weird fun'/0),
    erlang:display([Local0, {Local1}, #{f => fun lists:sum/1}]),
    erlang:display(erlang:fun_to_list(Local0)),
    erlang:display(erlang:fun_to_list(fun lists:map/2)),
    erlang:display(Local1 =:= Local1),
    erlang:display(make_adder(1) =:= make_adder(1)),
    erlang:display(make_adder(1) =:= make_adder(2)),
    erlang:display(make_adder(1) == make_adder(1)),
    erlang:display(lists:sort([fun lists:map/2, fun lists:filter/2, fun erlang:abs/1])),
    erlang:display(erlang:phash2(fun lists:map/2)),
    ok.

make_adder(N) -> fun(V) -> V + N end.
