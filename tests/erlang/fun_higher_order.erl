-module(fun_higher_order).
-export([main/0]).

main() ->
    L = lists:seq(1, 10),
    erlang:display(my_map(fun(X) -> X * X end, L)),
    erlang:display(my_filter(fun(X) -> X rem 2 =:= 0 end, L)),
    erlang:display(my_foldl(fun(X, A) -> A + X end, 0, L)),
    erlang:display(my_foldr(fun(X, A) -> [X | A] end, [], L)),
    erlang:display(twice(fun(X) -> X * 3 end, 7)),
    erlang:display(n_times(fun(X) -> X + 2 end, 10, 0)),
    erlang:display(iterate(fun(X) -> X * 2 end, 1, 10)),
    erlang:display(until(fun(X) -> X > 1000 end, fun(X) -> X * 3 end, 1)),
    erlang:display(zip_with(fun(A, B) -> {A, B} end, [a, b, c], [1, 2, 3])),
    erlang:display(group_by(fun(X) -> X rem 3 end, L)),
    erlang:display((flip(fun(A, B) -> A - B end))(1, 10)),
    erlang:display((partial(fun lists:seq/2, 3))(7)),
    erlang:display(lists:sort(fun(A, B) -> length(A) =< length(B) end, ["ccc", "a", "bb", ""])),
    erlang:display(apply_all([fun erlang:abs/1, fun(X) -> X * X end, fun integer_to_list/1], -4)),
    ok.

my_map(_, []) -> [];
my_map(F, [H | T]) -> [F(H) | my_map(F, T)].

my_filter(P, L) -> [X || X <- L, P(X)].

my_foldl(_, Acc, []) -> Acc;
my_foldl(F, Acc, [H | T]) -> my_foldl(F, F(H, Acc), T).

my_foldr(_, Acc, []) -> Acc;
my_foldr(F, Acc, [H | T]) -> F(H, my_foldr(F, Acc, T)).

twice(F, X) -> F(F(X)).

n_times(_, 0, X) -> X;
n_times(F, N, X) -> n_times(F, N - 1, F(X)).

iterate(_, _, 0) -> [];
iterate(F, X, N) -> [X | iterate(F, F(X), N - 1)].

until(P, F, X) ->
    case P(X) of
        true -> X;
        false -> until(P, F, F(X))
    end.

zip_with(F, [A | As], [B | Bs]) -> [F(A, B) | zip_with(F, As, Bs)];
zip_with(_, _, _) -> [].

group_by(F, L) -> lists:foldr(fun(X, Acc) -> K = F(X), maps:update_with(K, fun(V) -> [X | V] end, [X], Acc) end, #{}, L).

flip(F) -> fun(A, B) -> F(B, A) end.

partial(F, A) -> fun(B) -> F(A, B) end.

apply_all(Fs, X) -> [F(X) || F <- Fs].
