-module(lists_map_fold).
-export([main/0]).

main() ->
    L = lists:seq(1, 10),
    erlang:display(lists:map(fun(X) -> X * 3 end, L)),
    erlang:display(lists:foldl(fun(X, A) -> [X | A] end, [], L)),
    erlang:display(lists:foldr(fun(X, A) -> [X | A] end, [], L)),
    erlang:display(lists:foldl(fun(X, {S, P}) -> {S + X, P * X} end, {0, 1}, L)),
    erlang:display(lists:foldr(fun(X, A) -> A * 10 + X end, 0, [1, 2, 3])),
    erlang:display(lists:foldl(fun(X, A) -> A * 10 + X end, 0, [1, 2, 3])),
    erlang:display(lists:mapfoldl(fun(X, A) -> {X * X, A + X} end, 0, L)),
    erlang:display(lists:mapfoldr(fun(X, A) -> {{X, A}, A + 1} end, 0, [a, b, c])),
    erlang:display(lists:filter(fun(X) -> X rem 3 =/= 0 end, L)),
    erlang:display(lists:filtermap(fun(X) when X rem 2 =:= 0 -> {true, X div 2}; (X) -> X > 8 end, L)),
    erlang:display(lists:flatmap(fun(X) -> lists:duplicate(X rem 3, X) end, L)),
    erlang:display(lists:foldl(fun(X, A) -> A + X end, 0, lists:seq(1, 100000))),
    erlang:display(lists:map(fun({K, V}) -> {V, K} end, [{a, 1}, {b, 2}])),
    erlang:display(lists:foldl(fun lists:merge/2, [], [[3, 5], [1, 4], [2, 6]])),
    erlang:display(lists:all(fun is_integer/1, L)),
    erlang:display(lists:any(fun(X) -> X > 9 end, L)),
    erlang:display(lists:any(fun(X) -> X > 10 end, L)),
    erlang:display(lists:all(fun(X) -> X > 0 end, [])),
    erlang:display(lists:zipwith(fun(A, B) -> A * B end, L, lists:reverse(L))),
    erlang:display(lists:zipwith3(fun(A, B, C) -> A + B + C end, [1, 2], [10, 20], [100, 200])),
    ok.
