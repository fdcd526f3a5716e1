-module(exc_catch_expr).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    erlang:display(catch id(1) + 1),
    erlang:display(catch throw(id(thrown))),
    erlang:display(catch exit(id(exited))),
    erlang:display(strip(catch error(id(errored)))),
    erlang:display(strip(catch id(1) + id(a))),
    erlang:display(strip(catch hd(id([])))),
    erlang:display(strip(catch element(5, id({a})))),
    erlang:display(strip(catch list_to_atom(id(5)))),
    erlang:display(catch throw({'EXIT', fake})),
    erlang:display(catch id({'EXIT', fake_value})),
    X = (catch throw(id(10))) + 5,
    erlang:display(X),
    L = [catch safe_div(A, B) || {A, B} <- id([{10, 2}, {1, 0}, {a, 1}, {9, 3}])],
    erlang:display([strip(V) || V <- L]),
    erlang:display(catch nested()),
    erlang:display(case catch id(ok) of ok -> was_ok; _ -> other end),
    erlang:display(case catch throw(id(stop)) of stop -> was_stop; _ -> other end),
    ok.

strip({'EXIT', {Reason, Stack}}) when is_list(Stack) -> {'EXIT', Reason};
strip(Other) -> Other.

safe_div(A, B) when B =/= 0 -> A div B;
safe_div(_, _) -> throw(division_by_zero).

nested() ->
    A = (catch throw(a)),
    B = (catch exit(b)),
    throw({A, B}).
