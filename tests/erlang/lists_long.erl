-module(lists_long).
-export([main/0]).

main() ->
    N = 200000,
    L = lists:seq(1, N),
    erlang:display(length(L)),
    erlang:display(lists:sum(lists:map(fun(X) -> X * 2 end, L))),
    erlang:display(length(lists:filter(fun(X) -> X rem 7 =:= 0 end, L))),
    erlang:display(lists:foldl(fun(X, A) -> (A * 31 + X) rem 1000000007 end, 0, L)),
    R = lists:reverse(L),
    erlang:display(hd(R)),
    erlang:display(lists:nth(N div 2, R)),
    erlang:display(lists:last(L)),
    Z = lists:zip(L, R),
    erlang:display(lists:foldl(fun({A, B}, Acc) -> Acc + A * B end, 0, Z)),
    erlang:display(length(lists:append([L, L, L]))),
    erlang:display(lists:max(L)),
    erlang:display(lists:min(R)),
    S = lists:sort(fun(A, B) -> A rem 1000 < B rem 1000 orelse (A rem 1000 =:= B rem 1000 andalso A =< B) end, L),
    erlang:display(lists:sublist(S, 5)),
    erlang:display(lists:sublist(lists:usort([X rem 777 || X <- L]), 3)),
    erlang:display(length(lists:usort([X rem 777 || X <- L]))),
    erlang:display(lists:keyfind(N - 1, 1, [{X, X * X} || X <- L])),
    erlang:display(length(lists:flatten([[X, [X]] || X <- L]))),
    ok.
