-module(list_recursion).
-export([main/0]).

main() ->
    L = lists:seq(1, 20),
    erlang:display(len(L)),
    erlang:display(len_tail(L, 0)),
    erlang:display(sum(L)),
    erlang:display(double(L)),
    erlang:display(rev(L, [])),
    erlang:display(evens(L)),
    erlang:display(zip(L, rev(L, []))),
    erlang:display(interleave([a, b, c], [1, 2, 3, 4, 5])),
    erlang:display(chunk(L, 6)),
    erlang:display(dedup([1, 1, 2, 2, 2, 3, 1, 1, 4])),
    erlang:display(pairs(lists:seq(1, 4))),
    erlang:display(perms([a, b, c])),
    erlang:display(subsets([1, 2, 3])),
    erlang:display(flatten([1, [2, [3, [4, []]], 5], [[[6]]], [], 7])),
    erlang:display(len(lists:seq(1, 100000))),
    erlang:display(sum(lists:seq(1, 100000))),
    erlang:display(take(5, lists:seq(10, 1000))),
    erlang:display(last(L)),
    ok.

len([]) -> 0;
len([_ | T]) -> 1 + len(T).

len_tail([], N) -> N;
len_tail([_ | T], N) -> len_tail(T, N + 1).

sum([]) -> 0;
sum([H | T]) -> H + sum(T).

double([]) -> [];
double([H | T]) -> [2 * H | double(T)].

rev([], Acc) -> Acc;
rev([H | T], Acc) -> rev(T, [H | Acc]).

evens([]) -> [];
evens([H | T]) when H rem 2 =:= 0 -> [H | evens(T)];
evens([_ | T]) -> evens(T).

zip([A | As], [B | Bs]) -> [{A, B} | zip(As, Bs)];
zip(_, _) -> [].

interleave([], Ys) -> Ys;
interleave([X | Xs], Ys) -> [X | interleave(Ys, Xs)].

chunk([], _) -> [];
chunk(L, N) when length(L) =< N -> [L];
chunk(L, N) -> {H, T} = lists:split(N, L), [H | chunk(T, N)].

dedup([X, X | T]) -> dedup([X | T]);
dedup([X | T]) -> [X | dedup(T)];
dedup([]) -> [].

pairs([]) -> [];
pairs([H | T]) -> [{H, X} || X <- T] ++ pairs(T).

perms([]) -> [[]];
perms(L) -> [[H | P] || H <- L, P <- perms(L -- [H])].

subsets([]) -> [[]];
subsets([H | T]) -> S = subsets(T), S ++ [[H | X] || X <- S].

flatten([]) -> [];
flatten([H | T]) when is_list(H) -> flatten(H) ++ flatten(T);
flatten([H | T]) -> [H | flatten(T)].

take(0, _) -> [];
take(_, []) -> [];
take(N, [H | T]) -> [H | take(N - 1, T)].

last([X]) -> X;
last([_ | T]) -> last(T).
