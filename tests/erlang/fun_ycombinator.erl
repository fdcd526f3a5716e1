-module(fun_ycombinator).
-export([main/0]).

main() ->
    Y = fun(F) -> (fun(X) -> F(fun(V) -> (X(X))(V) end) end)(fun(X) -> F(fun(V) -> (X(X))(V) end) end) end,
    Fact = Y(fun(Self) -> fun(0) -> 1; (N) -> N * Self(N - 1) end end),
    erlang:display(Fact(10)),
    erlang:display(Fact(25)),
    Fib = Y(fun(Self) -> fun(N) when N < 2 -> N; (N) -> Self(N - 1) + Self(N - 2) end end),
    erlang:display([Fib(N) || N <- lists:seq(0, 20)]),
    Len = fun Loop([]) -> 0; Loop([_ | T]) -> 1 + Loop(T) end,
    erlang:display(Len(lists:seq(1, 1000))),
    Sum = fun S(0, Acc) -> Acc; S(N, Acc) -> S(N - 1, Acc + N) end,
    erlang:display(Sum(100000, 0)),
    Even = fun E(0) -> true; E(N) -> not E(N - 1) end,
    erlang:display([Even(N) || N <- lists:seq(0, 6)]),
    SelfApply = fun(F) -> F(F) end,
    Count = SelfApply(fun(Me) -> fun(0) -> done; (N) -> ((Me(Me)))(N - 1) end end),
    erlang:display(Count(1000)),
    ok.
