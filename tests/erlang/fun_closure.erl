-module(fun_closure).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Add = fun(N) -> fun(X) -> X + N end end,
    Add5 = Add(id(5)),
    Add10 = Add(id(10)),
    erlang:display({Add5(1), Add10(1), (Add(100))(1)}),
    Counter = make_counter(id(0)),
    {C1, V1} = Counter(),
    {C2, V2} = C1(),
    {_, V3} = C2(),
    erlang:display({V1, V2, V3}),
    Compose = fun(F, G) -> fun(X) -> F(G(X)) end end,
    Inc = fun(X) -> X + 1 end,
    Dbl = fun(X) -> X * 2 end,
    erlang:display({(Compose(Inc, Dbl))(5), (Compose(Dbl, Inc))(5)}),
    Pipeline = lists:foldl(fun(F, Acc) -> Compose(F, Acc) end, fun(X) -> X end, [Inc, Dbl, Inc, Dbl]),
    erlang:display(Pipeline(1)),
    A = id(1), B = id([2, 3]), C = id({4}), D = id(<<"five">>), E = id(#{six => 6}),
    Capture = fun() -> {A, B, C, D, E} end,
    erlang:display(Capture()),
    Adders = [fun(X) -> X + I end || I <- lists:seq(1, 5)],
    erlang:display([F(100) || F <- Adders]),
    Curry = fun(X) -> fun(Y) -> fun(Z) -> X * 100 + Y * 10 + Z end end end,
    erlang:display(((Curry(1))(2))(3)),
    Memo = memo_fib(),
    erlang:display(Memo(30)),
    Shadow = id(outer),
    F2 = fun(Shadow2) -> {Shadow, Shadow2} end,
    erlang:display(F2(inner)),
    ok.

make_counter(N) -> fun() -> {make_counter(N + 1), N} end.

memo_fib() ->
    fun(N) -> element(1, fib(N, #{})) end.

fib(N, Memo) when N < 2 -> {N, Memo};
fib(N, Memo) ->
    case Memo of
        #{N := V} -> {V, Memo};
        _ ->
            {A, M1} = fib(N - 1, Memo),
            {B, M2} = fib(N - 2, M1),
            {A + B, M2#{N => A + B}}
    end.
