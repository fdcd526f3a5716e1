-module(fun_apply).
-export([main/0, id/1, hello/1, hello/0]).

id(X) -> X.
hello() -> hello_world.
hello(Name) -> {hello, Name}.

main() ->
    erlang:display(apply(fun(A, B) -> A * B end, [6, 7])),
    erlang:display(apply(lists, seq, [1, 5])),
    erlang:display(apply(id(?MODULE), id(hello), [])),
    erlang:display(apply(id(?MODULE), id(hello), [id(bob)])),
    M = id(lists), F = id(reverse),
    erlang:display(M:F([1, 2, 3])),
    erlang:display(apply(M, F, [[a, b], [c]])),
    erlang:display(erlang:apply(erlang, element, [2, {a, b}])),
    erlang:display(apply(fun erlang:max/2, [3, 9])),
    erlang:display([apply(string, Fn, ["MiXeD"]) || Fn <- [to_upper, to_lower, reverse]]),
    Name = list_to_atom("he" ++ "llo"),
    erlang:display(?MODULE:Name(computed)),
    Mods = [{lists, sum, [[1, 2, 3]]}, {erlang, length, [[a]]}, {string, length, ["four"]}, {maps, size, [#{}]}],
    erlang:display([apply(Mo, Fu, Ar) || {Mo, Fu, Ar} <- Mods]),
    erlang:display(apply(fun() -> no_args end, [])),
    erlang:display(try apply(fun(X) -> X end, [1, 2]) catch error:{badarity, _} -> badarity end),
    ok.
