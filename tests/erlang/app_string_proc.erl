-module(app_string_proc).
-export([main/0]).

%% Text processing with the string module: word frequencies, wrapping,
%% title casing, a tiny template engine.
main() ->
    Text = "It was the best of times, it was the worst of times, it was the age of wisdom, "
           "it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity.",
    Words = [string:lowercase(string:trim(W, both, ",.")) || W <- string:lexemes(Text, " ")],
    Freq = lists:foldl(fun(W, M) -> maps:update_with(W, fun(C) -> C + 1 end, 1, M) end, #{}, Words),
    Top = lists:sublist(lists:sort(fun({A, X}, {B, Y}) -> {Y, A} =< {X, B} end, maps:to_list(Freq)), 6),
    erlang:display(Top),
    [erlang:display(L) || L <- wrap(Text, 40)],
    erlang:display(title("the quick brown fox")),
    erlang:display(render("Hello {{name}}, you have {{count}} new {{what}}.", #{"name" => "Ann", "count" => "3", "what" => "messages"})),
    erlang:display(render("{{missing}} stays", #{})),
    erlang:display(string:join([string:pad(integer_to_list(N), 5, leading) || N <- [1, 22, 333, 4444]], "|")),
    erlang:display(camel_to_snake("parseHttpRequestHeader")),
    erlang:display(snake_to_camel("parse_http_request_header")),
    erlang:display(is_anagram("Dormitory", "dirty room")),
    erlang:display(longest_word(Words)),
    erlang:display(vowel_count(Text)),
    ok.

wrap(Text, Width) ->
    {Lines, Last} = lists:foldl(fun(W, {Ls, Cur}) ->
                                        case string:length(Cur) + 1 + string:length(W) > Width of
                                            true when Cur =/= "" -> {[Cur | Ls], W};
                                            _ when Cur =:= "" -> {Ls, W};
                                            _ -> {Ls, Cur ++ " " ++ W}
                                        end
                                end, {[], ""}, string:lexemes(Text, " ")),
    lists:reverse([Last | Lines]).

title(S) -> lists:flatten(lists:join(" ", [string:titlecase(W) || W <- string:lexemes(S, " ")])).

render(T, Vars) ->
    case string:split(T, "{{") of
        [Before, Rest] ->
            [Key, After] = string:split(Rest, "}}"),
            Val = maps:get(Key, Vars, "{{" ++ Key ++ "}}"),
            Before ++ Val ++ render(After, Vars);
        [Plain] -> Plain
    end.

camel_to_snake(S) -> lists:flatten([if C >= $A, C =< $Z -> [$_, C + 32]; true -> C end || C <- S]).

snake_to_camel(S) ->
    [H | T] = string:lexemes(S, "_"),
    lists:flatten([H | [string:titlecase(W) || W <- T]]).

is_anagram(A, B) ->
    N = fun(S) -> lists:sort([C || C <- string:lowercase(S), C =/= $\s]) end,
    N(A) =:= N(B).

longest_word(Ws) -> lists:foldl(fun(W, Best) -> case length(W) > length(Best) of true -> W; false -> Best end end, "", Ws).

vowel_count(S) -> length([C || C <- string:lowercase(S), lists:member(C, "aeiou")]).
