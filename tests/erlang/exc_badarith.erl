-module(exc_badarith).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    Cases = [fun() -> id(1) + a end,
             fun() -> id(a) - 1 end,
             fun() -> id(2) * "3" end,
             fun() -> id(1) / 0 end,
             fun() -> id(1.0) / 0.0 end,
             fun() -> id(1) div 0 end,
             fun() -> id(1) rem 0 end,
             fun() -> id(1.5) div 1 end,
             fun() -> id(1) band 1.0 end,
             fun() -> id(1) bsl a end,
             fun() -> id(1) bsr 1.0 end,
             fun() -> bnot id(1.0) end,
             fun() -> -id(a) end,
             fun() -> +id(a) end,
             fun() -> id(1 bsl 100) / 0 end,
             fun() -> id(1.0e308) * 1.0e308 end,
             fun() -> id([]) + [] end,
             fun() -> id({1}) * 2 end,
             fun() -> id(1) bsl (1 bsl 70) end,
             fun() -> id(0) bsl (1 bsl 70) end,
             fun() -> id(1) bsr (1 bsl 70) end,
             fun() -> id(-1) bsr (1 bsl 70) end,
             fun() -> math:exp(id(1000)) end,
             fun() -> id(5) / 2 end,
             fun() -> lists:sum([1, id(x)]) end],
    [erlang:display(t(F)) || F <- Cases],
    ok.
