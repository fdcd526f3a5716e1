-module(arith_float_basic).
-export([main/0, id/1]).

id(X) -> X.

show(F) -> erlang:display({F, float_to_list(F, [short])}).

main() ->
    A = id(1.5), B = id(-0.25), C = id(3),
    show(A + B),
    show(A - B),
    show(A * B),
    show(A / B),
    show(C / 2),
    show(C / 4),
    show(1 / id(3)),
    show(2 / id(3)),
    show(A + C),
    show(C - A),
    show(C * A),
    show(float(C)),
    show(float(id(123456789012345678901234567890))),
    show(float(id(-1 bsl 70))),
    show(0.1 + id(0.2)),
    show(id(1.0e300) * 1.0e-300),
    show(id(1.0e-320)),
    show(id(2.2250738585072014e-308)),
    show(id(1.7976931348623157e308)),
    show(-id(0.0)),
    show(id(100.0) / 7),
    show(lists:sum([id(0.1) || _ <- lists:seq(1, 10)])),
    show(lists:foldl(fun(X, Acc) -> Acc + 1 / X end, 0.0, lists:seq(1, 100))),
    erlang:display(is_float(id(1) / 1)),
    erlang:display(id(4) / 2),
    erlang:display(-A),
    erlang:display(abs(B)),
    erlang:display(try id(1.0e308) * 10 catch C1:R1 -> {C1, R1} end),
    erlang:display(try id(1.0) / 0 catch C2:R2 -> {C2, R2} end),
    erlang:display(try id(0.0) / 0.0 catch C3:R3 -> {C3, R3} end),
    erlang:display(try id(a) + 1.0 catch C4:R4 -> {C4, R4} end),
    ok.
